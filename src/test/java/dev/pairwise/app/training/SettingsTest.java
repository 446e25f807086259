package dev.pairwise.app.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.pairwise.app.jobs.config.ConfigField;
import dev.pairwise.app.jobs.config.JobSettings;
import dev.pairwise.labeling.InvalidInputException;
import dev.pairwise.policy.lora.LoraConfig;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

class SettingsTest {

    static final Map<String, List<ConfigField>> ALL = Map.of(
            "TOKENIZER", TokenizerExecutor.FIELDS, "PRETRAIN", PretrainExecutor.FIELDS, "SFT", SftExecutor.FIELDS,
            "REWARD", RewardExecutor.FIELDS, "DPO", DpoExecutor.FIELDS, "PPO", PpoExecutor.FIELDS,
            "IMPORT", ImportExecutor.FIELDS);

    private static JsonNode json(String text) {
        return JsonSupport.JSON.readTree(text);
    }

    private static void refused(List<ConfigField> fields, String config, String field) {
        assertThatThrownBy(() -> JobSettings.check(fields, json(config))).as(config)
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo(field));
    }

    /** A config holding only the required fields (ids 1, a corpus name). */
    private static ObjectNode requiredOnly(List<ConfigField> fields) {
        ObjectNode config = JsonSupport.JSON.createObjectNode();
        for (ConfigField f : fields) {
            if (f.required()) {
                if (f.kind() == ConfigField.Kind.CORPUS) {
                    config.put(f.name(), "c.txt");
                } else if (f.kind() == ConfigField.Kind.TEXT) {
                    config.put(f.name(), "some/folder");
                } else {
                    config.put(f.name(), 1L);
                }
            }
        }
        return config;
    }

    @Test
    void every_default_passes_its_own_field_check() {
        ALL.forEach((type, fields) -> {
            ObjectNode config = requiredOnly(fields);
            for (ConfigField f : fields) {
                if (f.defaultValue() != null) {
                    config.set(f.name(), json(f.defaultValue()));
                }
            }
            JobSettings.check(fields, config);
            assertThat(fields).as(type).extracting(ConfigField::hint).allMatch(h -> !h.isBlank());
        });
    }

    @Test
    void the_checkpoint_fields_name_the_kinds_a_job_starts_from() {
        assertThat(PpoExecutor.FIELDS).filteredOn(f -> f.kind() == ConfigField.Kind.CHECKPOINT)
                .extracting(ConfigField::name, ConfigField::options)
                .containsExactly(tuple("policyCheckpoint", List.of("SFT", "POLICY")), tuple("rewardCheckpoint", List.of("REWARD")));
        assertThat(PretrainExecutor.FIELDS).filteredOn(f -> f.kind() == ConfigField.Kind.CHECKPOINT)
                .extracting(ConfigField::name, ConfigField::required)
                .containsExactly(tuple("tokenizerCheckpoint", true), tuple("baseCheckpoint", false));
    }

    @Test
    void absent_fields_take_their_defaults() {
        JobSettings s = JobSettings.check(PretrainExecutor.FIELDS, requiredOnly(PretrainExecutor.FIELDS));
        assertThat(s.integer("steps")).isEqualTo(200);
        assertThat(s.number("learningRate")).isEqualTo(1e-3);
        assertThat(s.choice("preset")).isEqualTo("tiny");
        assertThat(s.id("baseCheckpoint")).isNull();
        JobSettings ppo = JobSettings.check(PpoExecutor.FIELDS, requiredOnly(PpoExecutor.FIELDS));
        assertThat(ppo.flag("adaptiveKl")).isTrue();
    }

    @Test
    void a_value_outside_its_range_is_refused_naming_the_field() {
        List<ConfigField> f = PretrainExecutor.FIELDS;
        String req = "\"corpus\": \"c.txt\", \"tokenizerCheckpoint\": 1";
        refused(f, "{" + req + ", \"steps\": 0}", "config.steps");
        refused(f, "{" + req + ", \"batchSize\": 513}", "config.batchSize");
        refused(f, "{" + req + ", \"learningRate\": 0.5}", "config.learningRate");
        refused(f, "{" + req + ", \"steps\": 2.5}", "config.steps");
        refused(f, "{" + req + ", \"preset\": \"huge\"}", "config.preset");
        refused(f, "{" + req + ", \"baseCheckpoint\": \"seven\"}", "config.baseCheckpoint");
        refused(PpoExecutor.FIELDS, "{\"policyCheckpoint\": 1, \"rewardCheckpoint\": 2, \"projectId\": 3, \"adaptiveKl\": \"yes\"}",
                "config.adaptiveKl");
    }

    @Test
    void a_missing_required_field_is_refused_naming_it() {
        refused(PretrainExecutor.FIELDS, "{\"tokenizerCheckpoint\": 1}", "config.corpus");
        refused(TokenizerExecutor.FIELDS, "{\"corpus\": \"  \"}", "config.corpus");
        refused(RewardExecutor.FIELDS, "{\"baseCheckpoint\": 1}", "config.projectId");
    }

    @Test
    void the_range_message_shows_whole_numbers_plainly() {
        assertThatThrownBy(() -> JobSettings.check(TokenizerExecutor.FIELDS, json("{\"corpus\": \"c.txt\", \"vocabSize\": 100}")))
                .hasMessage("vocabSize must be between 256 and 32768, was 100");
    }

    @Test
    void lora_fields_give_full_fine_tuning_at_rank_0_and_adapters_on_the_chosen_projections_above() {
        String req = "\"policyCheckpoint\": 1, \"projectId\": 2";
        assertThat(LoraFields.of(JobSettings.check(DpoExecutor.FIELDS, json("{" + req + "}")))).isNull();
        LoraConfig all = LoraFields.of(JobSettings.check(DpoExecutor.FIELDS, json("{" + req + ", \"loraRank\": 4}")));
        assertThat(all).isNotNull();
        assertThat(all.rank()).isEqualTo(4);
        assertThat(all.alpha()).isEqualTo(16.0);
        assertThat(all.targets()).isEqualTo(LoraConfig.PROJECTIONS);
        assertThat(all.merge()).as("registered checkpoints are plain, merged ones").isTrue();
        LoraConfig attention = LoraFields.of(JobSettings.check(SftExecutor.FIELDS,
                json("{\"baseCheckpoint\": 1, \"loraRank\": 8, \"loraAlpha\": 32, \"loraTargets\": \"attention\"}")));
        assertThat(attention.targets()).containsExactlyInAnyOrder("attn.c_attn", "attn.c_proj");
        assertThat(attention.scale()).isEqualTo(4.0);
        refused(SftExecutor.FIELDS, "{\"baseCheckpoint\": 1, \"loraRank\": 300}", "config.loraRank");
        refused(SftExecutor.FIELDS, "{\"baseCheckpoint\": 1, \"loraRank\": 4, \"loraTargets\": \"mlp\"}",
                "config.loraTargets");
    }
}
