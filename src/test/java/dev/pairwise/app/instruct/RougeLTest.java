package dev.pairwise.app.instruct;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * ROUGE-L against values worked out by hand and against the behaviour {@code rouge_score}
 * documents (its tokenizer: lower case, runs of anything but a-z0-9 split tokens; its scorer's
 * doc-string example), without depending on the Python package.
 */
class RougeLTest {

    @Test
    void tokens_are_lower_case_ascii_letters_and_digits_split_at_everything_else() {
        assertThat(RougeL.tokens("Hello, World! It's 2023 -- café_au-lait"))
                .containsExactly("hello", "world", "it", "s", "2023", "caf", "au", "lait");
        assertThat(RougeL.tokens("  ¿¡ ... ")).isEmpty();
        assertThat(RougeL.tokens("ÜBER")).containsExactly("ber");
    }

    @Test
    void lcs_is_the_longest_common_subsequence_not_substring() {
        assertThat(RougeL.lcs(List.of("a", "b", "c", "d", "e"), List.of("a", "c", "e"))).isEqualTo(3);
        assertThat(RougeL.lcs(List.of("a", "b", "c"), List.of("c", "b", "a"))).isEqualTo(1);
        assertThat(RougeL.lcs(List.of("x"), List.of("y"))).isZero();
    }

    @Test
    void fmeasure_by_hand() {
        // 6 and 5 tokens, LCS "the cat on the mat" = 5: P = 5/6, R = 5/5, F = 2PR/(P+R) = 10/11.
        assertThat(RougeL.fmeasure("The cat sat on the mat.", "the cat on the mat")).isCloseTo(10.0 / 11, within(1e-12));
        // F = 2·LCS/(m+n): 4 and 4 tokens, LCS "is john" or "name john" = 2 → 4/8.
        assertThat(RougeL.fmeasure("My name is John", "Is your name John")).isCloseTo(0.5, within(1e-12));
        assertThat(RougeL.fmeasure("Same words here", "same, WORDS; here!")).isEqualTo(1.0);
        assertThat(RougeL.fmeasure("nothing shared", "at all")).isZero();
    }

    @Test
    void rouge_score_doc_example_gives_its_documented_rouge_l() {
        // rouge_scorer.RougeScorer(['rougeL']).score('The quick brown fox jumps over the lazy dog',
        // 'The quick brown dog jumps on the log.'): precision 0.625, recall 0.5556, F 0.5882 (= 10/17).
        double f = RougeL.fmeasure("The quick brown dog jumps on the log.", "The quick brown fox jumps over the lazy dog");
        assertThat(f).isCloseTo(0.5882352941176471, within(1e-15));
    }

    @Test
    void fmeasure_is_symmetric_and_zero_for_an_empty_side() {
        String a = "Generate a list of five fruits.";
        String b = "Give me a list of fruits that are red.";
        assertThat(RougeL.fmeasure(a, b)).isEqualTo(RougeL.fmeasure(b, a));
        assertThat(RougeL.fmeasure("", "anything")).isZero();
        assertThat(RougeL.fmeasure("!!!", "!!!")).isZero();
    }
}
