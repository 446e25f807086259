package dev.pairwise.labeling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class FieldErrorsTest {

    @Test
    void every_refusal_is_reported_together_in_the_order_found_and_the_first_per_field_wins() {
        FieldErrors errors = new FieldErrors();
        String kept = errors.value(() -> TextRules.require("instruction", "Q", 10));
        String lost = errors.value(() -> TextRules.require("response", " ", 10));
        errors.add("k", "K must be from 2 to 9.");
        errors.check(() -> TextRules.require("response", "far too long for ten", 10));

        assertThat(kept).isEqualTo("Q");
        assertThat(lost).isNull();
        assertThatThrownBy(errors::throwIfAny).isInstanceOf(InvalidInputException.class)
                .hasMessage("response must not be empty K must be from 2 to 9.")
                .satisfies(e -> assertThat(((InvalidInputException) e).errors()).containsExactly(
                        java.util.Map.entry("response", "response must not be empty"),
                        java.util.Map.entry("k", "K must be from 2 to 9.")))
                .extracting(e -> ((InvalidInputException) e).field()).isEqualTo("response");
    }

    @Test
    void nothing_is_thrown_when_every_check_passes() {
        FieldErrors errors = new FieldErrors();
        errors.check(() -> TextRules.require("instruction", "Q", 10));
        assertThat(errors.isEmpty()).isTrue();
        errors.throwIfAny();
    }
}
