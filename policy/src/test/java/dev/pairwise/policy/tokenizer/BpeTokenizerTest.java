package dev.pairwise.policy.tokenizer;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BpeTokenizerTest {

    static final List<String> CORPUS = List.of(
            "the cat sat on the mat. the cat ate the rat. that is the thing about the theatre.",
            "Le chat est sur le tapis; les chats aiment les tapis. 猫が好きです。猫と犬。",
            "emoji 😀😀 are bytes too 👍🏽👍🏽, and so are\r\nline breaks\r\n.");

    static BpeTokenizer tokenizer;

    @BeforeAll
    static void train() {
        tokenizer = BpeTrainer.train(CORPUS, 300);
    }

    @Test
    void decode_inverts_encode_on_multilingual_text_emoji_and_white_space() {
        for (String text : Texts.HARD) {
            assertThat(tokenizer.decode(tokenizer.encode(text))).isEqualTo(text);
        }
        Random random = new Random(11);
        for (int i = 0; i < 300; i++) {
            String text = Texts.random(random, 1 + random.nextInt(60));
            assertThat(tokenizer.decode(tokenizer.encode(text))).isEqualTo(text);
        }
    }

    @Test
    void threads_sharing_one_tokenizer_get_the_same_ids_as_one_thread() throws Exception {
        BpeTokenizer fresh = BpeTrainer.train(CORPUS, 300);
        List<String> texts = new java.util.ArrayList<>(Texts.HARD);
        Random random = new Random(5);
        for (int i = 0; i < 200; i++) {
            texts.add(Texts.random(random, 50));
        }
        List<int[]> expected = texts.stream().map(tokenizer::encode).toList();
        try (var pool = java.util.concurrent.Executors.newFixedThreadPool(4)) {
            var futures = new java.util.ArrayList<java.util.concurrent.Future<Boolean>>();
            for (int t = 0; t < 4; t++) {
                futures.add(pool.submit(() -> {
                    for (int i = 0; i < texts.size(); i++) {
                        if (!java.util.Arrays.equals(fresh.encode(texts.get(i)), expected.get(i))) {
                            return false;
                        }
                    }
                    return true;
                }));
            }
            for (var future : futures) {
                assertThat(future.get()).isTrue();
            }
        }
    }

    @Test
    void vocabulary_is_bytes_then_merges_then_specials() {
        assertThat(tokenizer.vocabSize()).isEqualTo(304);
        assertThat(tokenizer.tokens().get(' ')).isEqualTo("Ġ");
        assertThat(tokenizer.merges()).hasSize(44);
        assertThat(tokenizer.specialId(SpecialTokens.USER)).isEqualTo(300);
        assertThat(tokenizer.specialId(SpecialTokens.PAD)).isEqualTo(303);
        assertThat(tokenizer.merges().getFirst()).as("most frequent pair first").isEqualTo("Ġ t");
    }

    @Test
    void frequent_words_become_single_tokens() {
        int[] ids = tokenizer.encode(" the");
        assertThat(ids).hasSize(1);
        assertThat(tokenizer.tokens().get(ids[0])).isEqualTo("Ġthe");
        assertThat(tokenizer.encode("zq")).containsExactly('z', 'q');
    }

    @Test
    void training_is_deterministic() {
        BpeTokenizer again = BpeTrainer.train(CORPUS.reversed(), 300);
        assertThat(again.merges()).isEqualTo(tokenizer.merges());
        assertThat(again.tokens()).isEqualTo(tokenizer.tokens());
    }

    @Test
    void ties_go_to_the_smaller_pair_of_ids() {
        // "ab" and " cd" give three pairs seen once each; (' ', 'c') = (32, 99) is the smallest.
        BpeTokenizer tied = BpeTrainer.train(List.of("ab cd"), 257);
        assertThat(tied.merges()).containsExactly("Ġ c");
    }

    @Test
    void merges_apply_left_to_right_within_runs() {
        BpeTokenizer runs = BpeTrainer.train(List.of("aaaaaaa"), 258);
        assertThat(runs.merges()).containsExactly("a a", "aa aa");
        assertThat(runs.encode("aaaaaaa")).containsExactly(257, 256, 'a');
        assertThat(runs.encode("aaa")).containsExactly(256, 'a');
    }

    @Test
    void training_stops_early_when_the_corpus_has_no_pairs_left() {
        BpeTokenizer small = BpeTrainer.train(List.of("ab"), 1000);
        assertThat(small.vocabSize()).isEqualTo(256 + 1 + 4);
    }

    @Test
    void special_strings_are_plain_text_in_encode_and_one_id_in_encode_with_specials() {
        String text = "<|user|>Hi there<|end|><|assistant|>Hello!<|end|>";
        int[] plain = tokenizer.encode(text);
        assertThat(plain).doesNotContain(300, 301, 302, 303);
        int[] special = tokenizer.encodeWithSpecials(text);
        int user = tokenizer.specialId(SpecialTokens.USER);
        int end = tokenizer.specialId(SpecialTokens.END);
        assertThat(special[0]).isEqualTo(user);
        assertThat(special).containsSubsequence(end, tokenizer.specialId(SpecialTokens.ASSISTANT));
        assertThat(special[special.length - 1]).isEqualTo(end);
        assertThat(tokenizer.decode(special)).isEqualTo(text);
        assertThat(tokenizer.decode(plain)).isEqualTo(text);
        int[] middle = tokenizer.encode("Hi there");
        assertThat(java.util.Arrays.copyOfRange(special, 1, 1 + middle.length)).isEqualTo(middle);
        assertThat(tokenizer.encodeWithSpecials("no specials")).isEqualTo(tokenizer.encode("no specials"));
    }

    @Test
    void bad_input_is_refused_with_a_clear_message() {
        assertThatThrownBy(() -> BpeTrainer.train(CORPUS, 255)).hasMessageContaining("vocabSize must be in 256..32768, was 255");
        assertThatThrownBy(() -> BpeTrainer.train(CORPUS, 40000)).hasMessageContaining("was 40000");
        assertThatThrownBy(() -> BpeTrainer.train(List.of("", ""), 300)).hasMessageContaining("corpus is empty");
        assertThatThrownBy(() -> tokenizer.decode(new int[] {304})).hasMessageContaining("token id 304 is outside");
        assertThatThrownBy(() -> tokenizer.specialId("<|system|>")).hasMessageContaining("<|system|>");
        assertThatThrownBy(() -> tokenizer.encode("bad \uDC00 surrogate")).hasMessageContaining("lone surrogate");
    }
}
