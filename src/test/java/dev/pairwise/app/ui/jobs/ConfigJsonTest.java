package dev.pairwise.app.ui.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pairwise.app.jobs.config.ConfigField;
import dev.pairwise.app.registry.CheckpointKind;
import dev.pairwise.labeling.InvalidInputException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigJsonTest {

    private static final List<ConfigField> FIELDS = List.of(
            ConfigField.integer("steps", "Steps", 100, 1, 10_000, "How many optimizer steps."),
            ConfigField.number("learningRate", "Learning rate", 1e-4, 1e-7, 1e-2, "AdamW step size."),
            ConfigField.choice("schedule", "Schedule", List.of("cosine", "constant"), "LR schedule."),
            ConfigField.checkpoint("baseCheckpoint", "Base model", List.of(CheckpointKind.BASE), true, "Start from."),
            ConfigField.corpus("corpus", "Corpus", "Training text."),
            new ConfigField("lora", "LoRA", ConfigField.Kind.BOOLEAN, "false", null, null, List.of(), false, ""),
            new ConfigField("note", "Note", ConfigField.Kind.TEXT, null, null, null, List.of(), false, ""));

    private static Map<String, Object> filled() {
        Map<String, Object> v = new HashMap<>();
        v.put("steps", 20);
        v.put("learningRate", 3e-4);
        v.put("schedule", "constant");
        v.put("baseCheckpoint", 7L);
        v.put("corpus", "tiny.txt");
        v.put("lora", true);
        v.put("note", "  ");
        return v;
    }

    @Test
    void every_filled_field_is_written_with_its_json_type_and_blank_optionals_are_left_out() throws Exception {
        var json = ConfigJson.JSON.readTree(ConfigJson.build(FIELDS, filled()));
        assertThat(json.get("steps").isIntegralNumber()).isTrue();
        assertThat(json.get("steps").longValue()).isEqualTo(20);
        assertThat(json.get("learningRate").doubleValue()).isEqualTo(3e-4);
        assertThat(json.get("schedule").stringValue()).isEqualTo("constant");
        assertThat(json.get("baseCheckpoint").longValue()).isEqualTo(7);
        assertThat(json.get("corpus").stringValue()).isEqualTo("tiny.txt");
        assertThat(json.get("lora").booleanValue()).isTrue();
        assertThat(json.has("note")).isFalse();
    }

    @Test
    void a_missing_required_field_is_refused_by_its_config_name() {
        Map<String, Object> v = filled();
        v.remove("baseCheckpoint");
        assertThatThrownBy(() -> ConfigJson.build(FIELDS, v)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("Base model is required")
                .extracting(e -> ((InvalidInputException) e).field()).isEqualTo("config.baseCheckpoint");
    }

    @Test
    void a_value_out_of_range_is_refused_naming_the_field_and_the_bounds() {
        Map<String, Object> v = filled();
        v.put("steps", 0);
        assertThatThrownBy(() -> ConfigJson.build(FIELDS, v)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("between 1 and 10000").hasMessageContaining("was 0")
                .extracting(e -> ((InvalidInputException) e).field()).isEqualTo("config.steps");
        v.put("steps", 5);
        v.put("learningRate", Double.NaN);
        assertThatThrownBy(() -> ConfigJson.build(FIELDS, v))
                .extracting(e -> ((InvalidInputException) e).field()).isEqualTo("config.learningRate");
    }

    @Test
    void defaults_are_read_from_their_json_text_by_kind() {
        assertThat(ConfigJson.defaultValue(FIELDS.get(0))).isEqualTo(100L);
        assertThat(ConfigJson.defaultValue(FIELDS.get(1))).isEqualTo(1e-4);
        assertThat(ConfigJson.defaultValue(FIELDS.get(2))).isEqualTo("cosine");
        assertThat(ConfigJson.defaultValue(FIELDS.get(3))).isNull();
        assertThat(ConfigJson.defaultValue(FIELDS.get(5))).isEqualTo(false);
    }
}
