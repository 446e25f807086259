package dev.pairwise.app.jobs.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pairwise.labeling.InvalidInputException;
import java.util.List;
import org.junit.jupiter.api.Test;

class JobSettingsTest {

    private static final List<ConfigField> FIELDS = List.of(
            new ConfigField("promptIds", "Prompt ids", ConfigField.Kind.TEXT, null, null, null, List.of(), false, "ids"),
            ConfigField.project("projectId", "Project", "where"),
            ConfigField.integer("steps", "Steps", 10, 1, 100, "how many"));

    private static JobSettings check(String json) {
        return JobSettings.read(FIELDS, json);
    }

    @Test
    void ids_come_as_an_array_or_as_text_from_a_form() {
        assertThat(check("{\"projectId\": 1, \"promptIds\": [3, 5]}").ids("promptIds", 10)).containsExactly(3L, 5L);
        assertThat(check("{\"projectId\": 1, \"promptIds\": \"3, 5 9\"}").ids("promptIds", 10)).containsExactly(3L, 5L, 9L);
    }

    @Test
    void a_blank_text_counts_as_absent() {
        JobSettings s = check("{\"projectId\": 1, \"promptIds\": \"  \"}");
        assertThat(s.ids("promptIds", 10)).isEmpty();
        assertThat(s.integer("steps")).isEqualTo(10);
        assertThatThrownBy(() -> check("{\"projectId\": \"\"}"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("config.projectId"));
    }

    @Test
    void bad_repeated_or_surplus_ids_name_their_field() {
        assertThatThrownBy(() -> check("{\"projectId\": 1, \"promptIds\": \"3, x\"}").ids("promptIds", 10))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.field()).isEqualTo("config.promptIds");
                    assertThat(e.getMessage()).contains("'x'");
                });
        assertThatThrownBy(() -> check("{\"projectId\": 1, \"promptIds\": [3, 3]}").ids("promptIds", 10))
                .hasMessageContaining("twice");
        assertThatThrownBy(() -> check("{\"projectId\": 1, \"promptIds\": [1, 2, 3]}").ids("promptIds", 2))
                .hasMessageContaining("more than 2");
    }
}
