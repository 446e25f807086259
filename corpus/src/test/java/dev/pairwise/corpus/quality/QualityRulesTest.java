package dev.pairwise.corpus.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Each rule: a good document passes, and one change that crosses the rule's threshold fails it by name. */
class QualityRulesTest {

    private static final String GOOD = """
            The history of the river valley is long and full of change. Farmers settled along the banks more than
            a thousand years ago, and they learned to work with the seasonal floods that brought rich soil to their
            fields.

            Over the centuries small villages grew into market towns. Traders came with salt, cloth and tools, and
            the towns built bridges to carry their goods across the water. Some of those bridges still stand today.

            Visitors can walk the old paths and see how the landscape shaped the lives of the people who have made
            their homes here.""";

    private final QualityRules rules = new QualityRules(QualityThresholds.DEFAULTS);

    private Optional<String> check(String text) {
        return rules.firstFailure(text, true);
    }

    @Test
    void a_plain_english_document_passes_every_rule() {
        assertThat(check(GOOD)).isEmpty();
    }

    @Test
    void word_count_below_fifty_fails() {
        assertThat(check("A short note about the weather, and that is all that we have to say with it.")).contains("word_count");
        assertThat(new QualityRules(QualityThresholds.DEFAULTS.with("max_words", "60")).firstFailure(GOOD, true))
                .contains("word_count");
    }

    @Test
    void mean_word_length_outside_three_to_ten_fails() {
        String shortWords = "a b c d e f g h i j ".repeat(6) + "the and to of with that have be.";
        assertThat(check(shortWords)).contains("mean_word_length");
        String longWords = "internationalisation counterrevolutionaries ".repeat(30) + "the and.";
        assertThat(check(longWords)).contains("mean_word_length");
    }

    @Test
    void hashes_and_ellipses_above_one_per_ten_words_fail() {
        String tagged = GOOD + " #river #valley #history #farm #towns #bridge #travel #photo #nature #walk #old #paths";
        assertThat(check(tagged)).contains("symbol_ratio");
    }

    @Test
    void more_than_ninety_percent_bullet_lines_fails() {
        StringBuilder menu = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            menu.append("• The item number ").append(i).append(" is with the others and that is fine.\n");
        }
        assertThat(check(menu.toString())).contains("bullet_lines");
    }

    @Test
    void more_than_thirty_percent_lines_ending_in_an_ellipsis_fails() {
        String teasers = "The first story of the day is about the river and the town...\n".repeat(3)
                + "The second story of the week is about the farmers and the fields…\n".repeat(3)
                + GOOD;
        assertThat(new QualityRules(QualityThresholds.DEFAULTS.with("max_duplicate_lines", "1")
                .with("max_duplicate_line_chars", "1").with("max_top_2gram", "1").with("max_top_3gram", "1")
                .with("max_top_4gram", "1").with("max_symbol_ratio", "1")).firstFailure(teasers, true))
                .contains("ellipsis_lines");
    }

    @Test
    void fewer_than_eighty_percent_words_with_a_letter_fails() {
        String numbers = GOOD + " 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20 21 22 23 24 25 26 27 28 29 30";
        assertThat(new QualityRules(QualityThresholds.DEFAULTS.with("max_digit_ratio", "1")).firstFailure(numbers, true))
                .contains("alphabetic_words");
    }

    @Test
    void fewer_than_two_stop_words_fails_english_but_not_other_languages() {
        String noStops = GOOD.replaceAll("(?i)\\b(the|be|to|of|and|that|have|with)\\b", "its");
        assertThat(check(noStops)).contains("stop_words");
        assertThat(rules.firstFailure(noStops, false)).isEmpty();
    }

    @Test
    void more_than_thirty_percent_digits_fails() {
        String table = GOOD + "\n" + "4711 0815 2024 1999 3141 2718 ".repeat(12);
        assertThat(new QualityRules(QualityThresholds.DEFAULTS.with("min_alphabetic_words", "0")).firstFailure(table, true))
                .contains("digit_ratio");
    }

    @Test
    void too_few_lines_ending_in_punctuation_fails() {
        String list = GOOD.replace(".", "").replace(",", "");
        assertThat(check(list)).contains("punctuated_lines");
    }

    @Test
    void repeated_lines_fail() {
        String repeated = GOOD + "\n" + "Subscribe to the newsletter for more.\n".repeat(12);
        assertThat(check(repeated)).contains("duplicate_lines");
    }

    @Test
    void repeated_paragraphs_fail() {
        String p = "The towns built bridges to carry their goods across the water.";
        String text = GOOD + ("\n\n" + p + "\n\n" + "Another short paragraph that is different.").repeat(1)
                + ("\n\n" + p).repeat(3);
        QualityRules linesAllowed = new QualityRules(QualityThresholds.DEFAULTS.with("max_duplicate_lines", "1")
                .with("max_duplicate_line_chars", "1"));
        assertThat(linesAllowed.firstFailure(text, true)).contains("duplicate_paragraphs");
    }

    @Test
    void a_dominant_ngram_fails() {
        String spam = GOOD + " buy now buy now buy now buy now buy now buy now buy now buy now buy now buy now buy now"
                + " buy now buy now buy now buy now buy now buy now buy now buy now buy now buy now buy now buy now.";
        assertThat(check(spam)).contains("top_ngram");
    }

    @Test
    void repeated_long_ngrams_fail() {
        String s = "the river carries silt down to the delta every spring while farmers wait";
        String text = GOOD + " " + (s + " and ") + (s + " but ") + (s + " so ") + s + ".";
        assertThat(new QualityRules(QualityThresholds.DEFAULTS.with("max_top_2gram", "1").with("max_top_3gram", "1")
                .with("max_top_4gram", "1")).firstFailure(text, true)).contains("duplicate_ngrams");
    }

    @Test
    void lorem_ipsum_fails() {
        assertThat(check(GOOD + " Lorem ipsum dolor sit amet.")).contains("lorem_ipsum");
    }

    @Test
    void ngram_measures_follow_the_gopher_definitions() {
        List<String> words = List.of("a", "b", "a", "b", "a", "b", "c");
        // top 2-gram "a b" occurs 3 times, 2 characters each without the joining space
        assertThat(QualityRules.topNgramChars(words, 2)).isEqualTo(6);
        // repeated 2-grams without overlap: "a b" at 0 (new), "b a" (new), "a b" at 2 (repeat, skip 2), "a b" at 4 (repeat)
        assertThat(QualityRules.duplicateNgramChars(words, 2)).isEqualTo(4);
        assertThat(QualityRules.duplicates(List.of("x", "yy", "x", "yy", "yy"))).containsExactly(3, 5);
    }

    @Test
    void thresholds_are_set_by_name_and_unknown_names_are_refused() {
        assertThat(QualityThresholds.DEFAULTS.with("min_words", "20").minWords()).isEqualTo(20);
        assertThat(QualityThresholds.DEFAULTS.asMap()).containsKeys("min_words", "max_top_2gram", "max_duplicate_5grams");
        assertThatThrownBy(() -> QualityThresholds.DEFAULTS.with("min_wordz", "3")).hasMessageContaining("min_words");
        assertThatThrownBy(() -> QualityThresholds.DEFAULTS.with("min_words", "many")).hasMessageContaining("number");
    }
}
