package dev.pairwise.app.instruct;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Each of the paper's rules on its own, and the pool's duplicate and ROUGE-L bound. */
class InstructionFilterTest {

    private static Optional<Rejection> check(String text) {
        return InstructionFilter.check(InstructionFilter.normalize(text));
    }

    @Test
    void a_plain_instruction_passes() {
        assertThat(check("Explain why the sky is blue to a child.")).isEmpty();
    }

    @Test
    void three_words_or_fewer_are_too_short_and_more_than_150_too_long() {
        assertThat(check("Summarize this text.")).contains(Rejection.TOO_SHORT);
        assertThat(check("Summarize   this\ntext please.")).isEmpty(); // 4 words
        assertThat(check("word ".repeat(150).strip())).isEmpty();
        assertThat(check("word ".repeat(151).strip())).contains(Rejection.TOO_LONG);
    }

    @Test
    void blacklisted_words_count_as_whole_words_in_any_case() {
        assertThat(check("Describe the image below in detail.")).contains(Rejection.BLACKLISTED);
        assertThat(check("Plot the sales of the last year.")).contains(Rejection.BLACKLISTED);
        assertThat(check("Tell me how to GO TO the station.")).contains(Rejection.BLACKLISTED);
        assertThat(check("Summarize the video in three sentences.")).contains(Rejection.BLACKLISTED);
        assertThat(check("Convert this audio transcript into notes.")).contains(Rejection.BLACKLISTED);
        // Not as part of a longer word.
        assertThat(check("Explain the imagery of this poem briefly.")).isEmpty();
        assertThat(check("Write a profile of a famous mapmaker.")).isEmpty();
    }

    @Test
    void write_a_program_at_the_start_is_refused() {
        assertThat(check("Write a program that sorts a list of numbers.")).contains(Rejection.WRITE_A_PROGRAM);
        assertThat(check("write a Program to add two numbers.")).contains(Rejection.WRITE_A_PROGRAM);
        assertThat(check("Explain how to write a program that sorts numbers.")).isEmpty();
    }

    @Test
    void punctuation_or_non_ascii_first_is_refused() {
        assertThat(check("- List three uses of salt in cooking.")).contains(Rejection.PUNCTUATION);
        assertThat(check("\"Translate this sentence into French please.")).contains(Rejection.PUNCTUATION);
        assertThat(check("¿Qué significa esta palabra en inglés?")).contains(Rejection.NON_ASCII);
        assertThat(check("Écris une phrase sur le printemps.")).contains(Rejection.NON_ASCII);
    }

    @Test
    void the_pool_refuses_duplicates_and_rouge_l_of_0_7_or_more() {
        InstructionPool pool = new InstructionPool();
        pool.add("Give three tips for staying healthy.");
        assertThat(pool.check("give three   tips for staying HEALTHY.")).contains(Rejection.DUPLICATE);
        // 6 vs 7 tokens, LCS 6: F = 12/13 ≈ 0.92.
        assertThat(pool.check("Give three tips for staying healthy and happy.")).isPresent();
        assertThat(pool.check("Give three tips for staying healthy and happy.")).contains(Rejection.SIMILAR);
        // Exactly 0.7: 10 tokens each, LCS 7 → F = 0.7, refused (the bound is < 0.7).
        pool.add("a b c d e f g h i j");
        assertThat(RougeL.fmeasure("a b c d e f g x y z", "a b c d e f g h i j")).isCloseTo(0.7, org.assertj.core.api.Assertions.within(1e-12));
        assertThat(pool.check("a b c d e f g x y z")).contains(Rejection.SIMILAR);
        // LCS 6 of 10 → 0.6 passes.
        assertThat(pool.check("a b c d e f w x y z")).isEmpty();
        assertThat(pool.check("Name a famous painter from Spain.")).isEmpty();
    }
}
