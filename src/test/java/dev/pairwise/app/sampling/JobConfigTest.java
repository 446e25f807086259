package dev.pairwise.app.sampling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pairwise.labeling.InvalidInputException;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class JobConfigTest {

    private static JobConfig config(String json) {
        return new JobConfig(JsonMapper.builder().build().readTree(json));
    }

    @Test
    void prompt_ids_come_as_an_array_or_as_text_from_a_form() {
        assertThat(config("{\"promptIds\": [3, 5]}").ids("promptIds", 10)).containsExactly(3L, 5L);
        assertThat(config("{\"promptIds\": \"3, 5 9\"}").ids("promptIds", 10)).containsExactly(3L, 5L, 9L);
        assertThat(config("{\"promptIds\": \"\"}").ids("promptIds", 10)).isEmpty();
    }

    @Test
    void bad_values_name_their_field() {
        assertThatThrownBy(() -> config("{\"promptIds\": \"3, x\"}").ids("promptIds", 10))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("'x'")
                .extracting(e -> ((InvalidInputException) e).field()).isEqualTo("config.promptIds");
        assertThatThrownBy(() -> config("{\"promptIds\": [3, 3]}").ids("promptIds", 10)).hasMessageContaining("twice");
        assertThatThrownBy(() -> SamplingSettings.read(config("{\"topP\": 0}")))
                .extracting(e -> ((InvalidInputException) e).field()).isEqualTo("config.topP");
        assertThatThrownBy(() -> SamplingSettings.read(config("{\"maxNewTokens\": 2.5}")))
                .hasMessageContaining("whole number");
        assertThatThrownBy(() -> SamplingSettings.read(config("{\"chat\": \"yes\"}")))
                .hasMessageContaining("true or false");
    }

    @Test
    void absent_fields_take_the_documented_defaults_and_the_origin_records_them() {
        SamplingSettings s = SamplingSettings.read(config("{}"));
        assertThat(s).isEqualTo(new SamplingSettings(1.0, 1.0, 0, 128, 0, true));
        var json = JsonMapper.builder().build().readTree(s.json(42));
        assertThat(json.get("max_new_tokens").intValue()).isEqualTo(128);
        assertThat(json.get("job").longValue()).isEqualTo(42);
        assertThat(SamplingSettings.FIELDS).extracting(f -> f.name())
                .containsExactly("temperature", "topP", "topK", "maxNewTokens", "seed", "chat");
    }
}
