package dev.pairwise.app.instruct;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pairwise.app.jobs.config.ConfigField;
import dev.pairwise.app.jobs.config.JobSettings;
import dev.pairwise.labeling.InvalidInputException;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** The job form's fields: defaults that pass their own checks, and bounds that name the field. */
class SelfInstructFieldsTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void defaults_pass_and_every_field_has_a_hint() {
        JobSettings s = JobSettings.check(SelfInstructExecutor.FIELDS, JSON.readTree("{\"projectId\": 1}"));
        assertThat(s.text("seedFile")).isEmpty();
        assertThat(s.integer("target")).isEqualTo(100);
        assertThat(s.number("temperature")).isEqualTo(0.7);
        assertThat(s.integer("maxTokens")).isEqualTo(1024);
        assertThat(s.flag("withDrafts")).isFalse();
        assertThat(s.id("connectionId")).isNull();
        assertThat(SelfInstructExecutor.FIELDS).extracting(ConfigField::hint).allMatch(h -> !h.isBlank());
    }

    @Test
    void out_of_range_values_name_their_field() {
        for (String bad : new String[] {"\"maxRequests\": 0", "\"maxTokens\": 9000", "\"withDrafts\": \"yes\"",
                "\"seedFile\": 3"}) {
            String field = bad.substring(1, bad.indexOf('"', 1));
            assertThatThrownBy(() -> JobSettings.check(SelfInstructExecutor.FIELDS,
                    JSON.readTree("{\"projectId\": 1, " + bad + "}"))).as(bad)
                    .isInstanceOfSatisfying(InvalidInputException.class,
                            e -> assertThat(e.field()).isEqualTo("config." + field));
        }
        assertThatThrownBy(() -> JobSettings.check(SelfInstructExecutor.FIELDS, JSON.readTree("{}")))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.field()).isEqualTo("config.projectId"));
    }
}
