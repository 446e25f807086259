package dev.pairwise.app.ui.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.combobox.ComboBox;
import dev.pairwise.app.connections.ConnectionSettings;
import dev.pairwise.app.connections.ConnectionView;
import dev.pairwise.app.jobs.config.ConfigField;
import dev.pairwise.app.registry.CheckpointKind;
import dev.pairwise.app.registry.CheckpointView;
import dev.pairwise.labeling.project.ProjectView;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The start form's mix of systems: rows of connections and checkpoints, as the JSON list a SAMPLE job reads. */
class SystemsFieldTest {

    private static final List<ConfigField> FIELDS = List.of(
            ConfigField.checkpoint("policyCheckpoint", "Policy", List.of(CheckpointKind.SFT), false, "One model."),
            ConfigField.systems("systems", "Systems", List.of("policyCheckpoint"), "A mix."));

    private static CheckpointView checkpoint(long id, CheckpointKind kind) {
        return new CheckpointView(id, kind.name().toLowerCase() + id, kind, "/tmp/" + id, null, null, "{}", Instant.EPOCH);
    }

    private static final JobForm.Choices CHOICES = new JobForm.Choices() {
        @Override
        public List<CheckpointView> checkpoints() {
            return List.of(checkpoint(9, CheckpointKind.REWARD), checkpoint(7, CheckpointKind.SFT));
        }

        @Override
        public List<ProjectView> projects() {
            return List.of();
        }

        @Override
        public List<String> corpora() {
            return List.of();
        }

        @Override
        public String saveCorpus(String fileName, InputStream content) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<ConnectionView> connections() {
            return List.of(new ConnectionView(4, new ConnectionSettings("vllm", "http://127.0.0.1:8000/v1", "llama", 1.0,
                    1.0, 512, 4, 60, Duration.ofSeconds(60)), false, null, Instant.EPOCH, Instant.EPOCH));
        }
    };

    @SuppressWarnings("unchecked")
    private static <T> T child(JobForm form, String id) {
        return (T) form.getChildren().filter(c -> c.getId().orElse("").equals(id)).findFirst().orElseThrow();
    }

    @Test
    void a_mix_of_a_connection_and_a_checkpoint_becomes_the_systems_list_and_empties_the_single_policy() {
        JobForm form = new JobForm(FIELDS, CHOICES);
        ComboBox<CheckpointView> policy = child(form, "config-policyCheckpoint");
        assertThat(policy.getValue().id()).as("the single checkpoint is still preset, as before mixes").isEqualTo(7L);
        SystemsField systems = child(form, "config-systems");
        assertThat(systems.sources()).extracting(SystemsField.Source::label)
                .containsExactly("Connection: vllm (llama)", "#7 sft7 (SFT)"); // no reward model

        systems.setRow(systems.addRow(), systems.sources().get(0), 2, 0.7, null, 256);
        systems.setRow(systems.addRow(), systems.sources().get(1), 1, null, 0.9, null);

        assertThat(policy.getValue()).isNull();
        assertThat(ConfigJson.JSON.readTree(form.toJson()).get("systems").toString()).isEqualTo(
                "[{\"connectionId\":4,\"temperature\":0.7,\"max_tokens\":256,\"count\":2},"
                        + "{\"checkpointId\":7,\"top_p\":0.9,\"count\":1}]");
    }

    @Test
    void a_refusal_of_one_entry_is_shown_on_the_systems_field() {
        JobForm form = new JobForm(FIELDS, CHOICES);
        assertThat(form.showError("config.systems[1].count", "count must be between 1 and 1000, was 0")).isTrue();
        assertThat(((SystemsField) child(form, "config-systems")).isInvalid()).isTrue();
    }
}
