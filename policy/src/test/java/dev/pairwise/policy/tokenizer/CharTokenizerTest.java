package dev.pairwise.policy.tokenizer;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class CharTokenizerTest {

    @Test
    void vocabulary_is_the_sorted_distinct_code_points_then_specials() {
        CharTokenizer tokenizer = CharTokenizer.train(List.of("banana 😀", "Ab\n"));

        assertThat(tokenizer.characters()).containsExactly("\n", " ", "A", "a", "b", "n", "😀");
        assertThat(tokenizer.vocabSize()).isEqualTo(7 + 4 + 1);
        assertThat(tokenizer.encode("nab😀")).containsExactly(5, 3, 4, 6);
        assertThat(tokenizer.specialId(SpecialTokens.END)).isEqualTo(9);
        assertThat(tokenizer.specialId(SpecialTokens.UNK)).isEqualTo(11);
        assertThat(tokenizer.decode(tokenizer.encode("banana\nAb 😀"))).isEqualTo("banana\nAb 😀");
    }

    @Test
    void a_character_outside_the_vocabulary_encodes_as_the_unknown_id_one_for_one() {
        CharTokenizer tokenizer = CharTokenizer.train(List.of("abc"));
        int unk = tokenizer.specialId(SpecialTokens.UNK);

        assertThat(tokenizer.unknownId()).isEqualTo(unk);
        assertThat(tokenizer.encode("abz\t😀c")).containsExactly(0, 1, unk, unk, unk, 2);
        assertThat(tokenizer.unknownCharacters("abz\t😀c")).containsExactly('z', '\t', "😀".codePointAt(0));
        assertThat(tokenizer.unknownCharacters("cab")).isEmpty();
        assertThat(tokenizer.decode(tokenizer.encode("azb"))).isEqualTo("a<|unk|>b");
        assertThat(CharTokenizer.describe('z')).isEqualTo("'z' (U+007A LATIN SMALL LETTER Z)");
    }

    @Test
    void a_vocabulary_without_unk_or_pad_still_refuses_naming_the_character() {
        CharTokenizer tokenizer = new CharTokenizer(new int[] {'a', 'b'}, java.util.Map.of());
        assertThatThrownBy(() -> tokenizer.encode("abz"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'z'").hasMessageContaining("U+007A").hasMessageContaining("index 2");
    }

    @Test
    void specials_are_single_ids_only_in_encode_with_specials() {
        CharTokenizer tokenizer = CharTokenizer.train(List.of("hi<|>endusraitp"));
        int[] ids = tokenizer.encodeWithSpecials("<|user|>hi<|end|>");
        assertThat(ids).containsExactly(tokenizer.specialId(SpecialTokens.USER), tokenizer.encode("h")[0],
                tokenizer.encode("i")[0], tokenizer.specialId(SpecialTokens.END));
        assertThat(tokenizer.encode("<|end|>")).hasSize(7);
        assertThat(tokenizer.decode(ids)).isEqualTo("<|user|>hi<|end|>");
    }

    @Test
    void tiny_shakespeare_has_nanogpts_65_characters() throws IOException {
        assumeTrue(Texts.shakespeareAvailable(), "Tiny Shakespeare not found at " + Texts.SHAKESPEARE.toAbsolutePath() + ", skipped");
        String text = Files.readString(Texts.SHAKESPEARE);
        CharTokenizer tokenizer = CharTokenizer.train(List.of(text));
        assertThat(tokenizer.vocabSize()).isEqualTo(65 + 4 + 1);
        assertThat(tokenizer.encode(text)).hasSize(text.length());
    }

    @Test
    void empty_corpus_is_refused() {
        assertThatThrownBy(() -> CharTokenizer.train(List.of(""))).hasMessageContaining("corpus is empty");
    }
}
