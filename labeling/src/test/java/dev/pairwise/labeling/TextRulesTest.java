package dev.pairwise.labeling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TextRulesTest {

    @Test
    void blank_text_is_refused_naming_the_field() {
        assertThatThrownBy(() -> TextRules.require("responses[1]", "  ", 10))
                .isInstanceOf(InvalidInputException.class)
                .extracting(e -> ((InvalidInputException) e).field()).isEqualTo("responses[1]");
    }

    @Test
    void text_over_the_limit_is_refused() {
        assertThatThrownBy(() -> TextRules.require("prompt", "x".repeat(11), 10))
                .hasMessageContaining("over the limit of 10");
    }

    @Test
    void lone_surrogates_are_refused_but_pairs_pass() {
        assertThatThrownBy(() -> TextRules.require("prompt", "a\uD800b", 10)).hasMessageContaining("Unicode");
        assertThat(TextRules.require("prompt", "smile \uD83D\uDE00", 10)).endsWith("\uD83D\uDE00");
    }
}
