package dev.pairwise.app.sampling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pairwise.app.jobs.config.JobSettings;
import dev.pairwise.labeling.InvalidInputException;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class SamplingSettingsTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static SamplingSettings read(String json) {
        return SamplingSettings.read(JobSettings.check(SamplingSettings.FIELDS, JSON.readTree(json)));
    }

    @Test
    void bad_values_name_their_field() {
        assertThatThrownBy(() -> read("{\"topP\": 0}"))
                .extracting(e -> ((InvalidInputException) e).field()).isEqualTo("config.topP");
        assertThatThrownBy(() -> read("{\"maxNewTokens\": 2.5}")).hasMessageContaining("whole number");
        assertThatThrownBy(() -> read("{\"chat\": \"yes\"}")).hasMessageContaining("true or false");
    }

    @Test
    void absent_fields_take_the_documented_defaults_and_the_origin_records_them() {
        SamplingSettings s = read("{}");
        assertThat(s).isEqualTo(new SamplingSettings(1.0, 1.0, 0, 128, 0, true));
        var json = JSON.readTree(s.json(42));
        assertThat(json.get("max_new_tokens").intValue()).isEqualTo(128);
        assertThat(json.get("job").longValue()).isEqualTo(42);
        assertThat(SamplingSettings.FIELDS).extracting(f -> f.name())
                .containsExactly("temperature", "topP", "topK", "maxNewTokens", "seed", "chat");
    }
}
