package dev.pairwise.app.sampling;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PolicySamplerTest {

    @Test
    void control_bytes_a_model_emits_are_dropped_but_line_breaks_and_emoji_stay() {
        assertThat(PolicySampler.shown("a\u0000b\u0007c\td\ne 🎭\u007f")).isEqualTo("abc\td\ne 🎭");
    }

    @Test
    void a_lone_surrogate_becomes_the_replacement_character() {
        assertThat(PolicySampler.shown("x\uD83Dy")).isEqualTo("x\uFFFDy");
    }

    @Test
    void an_empty_or_control_only_response_is_stored_as_the_empty_marker() {
        assertThat(PolicySampler.shown("  ")).isEqualTo(PolicySampler.EMPTY);
        assertThat(PolicySampler.shown("\u0000\u0001")).isEqualTo(PolicySampler.EMPTY);
    }
}
