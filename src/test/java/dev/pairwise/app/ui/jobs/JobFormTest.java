package dev.pairwise.app.ui.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.NumberField;
import dev.pairwise.app.jobs.config.ConfigField;
import dev.pairwise.app.registry.CheckpointKind;
import dev.pairwise.app.registry.CheckpointView;
import dev.pairwise.labeling.InvalidInputException;
import dev.pairwise.labeling.project.ProjectView;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The generic start form: controls from config fields, their values as JSON, refusals on the field. */
class JobFormTest {

    private static final List<ConfigField> FIELDS = List.of(
            ConfigField.checkpoint("baseCheckpoint", "Start from", List.of(CheckpointKind.BASE, CheckpointKind.SFT), true, "Model."),
            ConfigField.integer("epochs", "Epochs", 3, 1, 100, "Passes."),
            ConfigField.number("learningRate", "Learning rate", 1e-4, 1e-7, 1e-2, "Rate."),
            ConfigField.choice("preset", "Model size", List.of("tiny", "gpt-small"), "Size."),
            new ConfigField("projectId", "Project", ConfigField.Kind.PROJECT, null, null, null, List.of(), false, "Optional."),
            new ConfigField("corpus", "Corpus", ConfigField.Kind.CORPUS, null, null, null, List.of(), false, "Text."));

    private static CheckpointView checkpoint(long id, CheckpointKind kind) {
        return new CheckpointView(id, kind.name().toLowerCase() + id, kind, "/tmp/" + id, null, null, "{}", Instant.EPOCH);
    }

    /** Newest first, as the registry lists them: a reward model (not accepted) above two accepted ones. */
    private static final JobForm.Choices CHOICES = new JobForm.Choices() {
        @Override
        public List<CheckpointView> checkpoints() {
            return List.of(checkpoint(9, CheckpointKind.REWARD), checkpoint(7, CheckpointKind.SFT), checkpoint(3, CheckpointKind.BASE));
        }

        @Override
        public List<ProjectView> projects() {
            return List.of(new ProjectView(1, "demo", "", 4, 1, true, false, 30, Instant.EPOCH, 0, 0, dev.pairwise.labeling.project.Routing.FIFO));
        }

        @Override
        public List<String> corpora() {
            return List.of("tiny.txt", "web.jsonl");
        }

        @Override
        public String saveCorpus(String fileName, InputStream content) {
            throw new UnsupportedOperationException("no uploads in this test");
        }
    };

    @SuppressWarnings("unchecked")
    private static <T extends Component> T control(JobForm form, String name) {
        return (T) form.getChildren().flatMap(c -> c instanceof CorpusPicker p ? java.util.stream.Stream.of(p.box()) : java.util.stream.Stream.of(c))
                .filter(c -> c.getId().orElse("").equals("config-" + name)).findFirst().orElseThrow();
    }

    @Test
    void controls_carry_defaults_ranges_and_hints_and_offer_only_accepted_checkpoint_kinds() {
        JobForm form = new JobForm(FIELDS, CHOICES);
        IntegerField epochs = control(form, "epochs");
        assertThat(epochs.getValue()).isEqualTo(3);
        assertThat(epochs.getMin()).isEqualTo(1);
        assertThat(epochs.getMax()).isEqualTo(100);
        assertThat(epochs.getHelperText()).isEqualTo("Passes.");
        assertThat(((NumberField) control(form, "learningRate")).getValue()).isEqualTo(1e-4);
        assertThat(((Select<String>) control(form, "preset")).getValue()).isEqualTo("tiny");
        ComboBox<CheckpointView> base = control(form, "baseCheckpoint");
        assertThat(base.getListDataView().getItems().map(CheckpointView::id)).containsExactly(7L, 3L);
        assertThat(base.getValue().id()).isEqualTo(7L);
        assertThat(((ComboBox<ProjectView>) control(form, "projectId")).getValue()).isNull();
    }

    @Test
    void the_json_holds_what_the_controls_hold() throws Exception {
        JobForm form = new JobForm(FIELDS, CHOICES);
        ((IntegerField) control(form, "epochs")).setValue(40);
        ((ComboBox<CheckpointView>) control(form, "baseCheckpoint")).setValue(checkpoint(3, CheckpointKind.BASE));
        var json = ConfigJson.JSON.readTree(form.toJson());
        assertThat(json.get("epochs").intValue()).isEqualTo(40);
        assertThat(json.get("baseCheckpoint").longValue()).isEqualTo(3);
        assertThat(json.get("learningRate").doubleValue()).isEqualTo(1e-4);
        assertThat(json.get("preset").stringValue()).isEqualTo("tiny");
        assertThat(json.has("projectId")).isFalse();
        assertThat(json.has("corpus")).isFalse();
        ((ComboBox<String>) control(form, "corpus")).setValue("web.jsonl");
        assertThat(ConfigJson.JSON.readTree(form.toJson()).get("corpus").stringValue()).isEqualTo("web.jsonl");
    }

    @Test
    void a_refusal_lands_on_the_field_it_names() {
        JobForm form = new JobForm(FIELDS, CHOICES);
        ((ComboBox<CheckpointView>) control(form, "baseCheckpoint")).clear();
        assertThatThrownBy(form::toJson).isInstanceOf(InvalidInputException.class)
                .extracting(e -> ((InvalidInputException) e).field()).isEqualTo("config.baseCheckpoint");

        assertThat(form.showError("config.epochs", "epochs must be between 1 and 100")).isTrue();
        IntegerField epochs = control(form, "epochs");
        assertThat(epochs.isInvalid()).isTrue();
        assertThat(epochs.getErrorMessage()).as("in the form's words").isEqualTo("Epochs must be between 1 and 100");
        assertThat(form.showError("corpus", "The corpus is empty")).isTrue();
        assertThat(((ComboBox<String>) control(form, "corpus")).getErrorMessage()).isEqualTo("The corpus is empty");
        assertThat(form.showError("dataset", "No approved demonstrations")).isFalse();
        form.clearErrors();
        assertThat(epochs.isInvalid()).isFalse();
    }

    @Test
    void every_wrong_field_is_marked_at_once_in_the_forms_words() {
        JobForm form = new JobForm(FIELDS, CHOICES);
        ((ComboBox<CheckpointView>) control(form, "baseCheckpoint")).clear();
        ((IntegerField) control(form, "epochs")).setValue(0);
        ((NumberField) control(form, "learningRate")).setValue(5.0);
        assertThatThrownBy(form::toJson).isInstanceOf(InvalidInputException.class);

        assertThat(form.invalidLabels()).containsExactly("Start from", "Epochs", "Learning rate");
        assertThat(((ComboBox<CheckpointView>) control(form, "baseCheckpoint")).getErrorMessage())
                .isEqualTo("Start from is required");
        assertThat(((IntegerField) control(form, "epochs")).getErrorMessage())
                .isEqualTo("Epochs must be between 1 and 100, was 0");
        assertThat(((NumberField) control(form, "learningRate")).getErrorMessage())
                .isEqualTo("Learning rate must be between 1.00e-07 and 0.01, was 5");
        assertThat(form.inFormWords("a job needs a model (baseCheckpoint) and learningRate (3) must be small"))
                .isEqualTo("A job needs a model and Learning rate (3) must be small");
        assertThat(form.inFormWords("epochs (3) must not exceed the preset")).isEqualTo("Epochs (3) must not exceed the preset");
    }

    @Test
    void a_second_checkpoint_field_is_not_preset_to_the_first_and_an_only_corpus_is_preselected() {
        List<ConfigField> eval = List.of(
                ConfigField.checkpoint("policyCheckpoint", "Policy A", List.of(CheckpointKind.BASE, CheckpointKind.SFT), true, ""),
                ConfigField.checkpoint("opponentCheckpoint", "Policy B", List.of(CheckpointKind.BASE, CheckpointKind.SFT), true, ""),
                ConfigField.checkpoint("thirdCheckpoint", "Policy C", List.of(CheckpointKind.BASE, CheckpointKind.SFT), true, ""),
                ConfigField.corpus("corpus", "Corpus", ""));
        JobForm.Choices oneCorpus = new JobForm.Choices() {
            @Override
            public List<CheckpointView> checkpoints() {
                return CHOICES.checkpoints();
            }

            @Override
            public List<ProjectView> projects() {
                return CHOICES.projects();
            }

            @Override
            public List<String> corpora() {
                return List.of("only.txt");
            }

            @Override
            public String saveCorpus(String fileName, InputStream content) {
                throw new UnsupportedOperationException();
            }
        };
        JobForm form = new JobForm(eval, oneCorpus);
        assertThat(((ComboBox<CheckpointView>) control(form, "policyCheckpoint")).getValue().id()).isEqualTo(7L);
        assertThat(((ComboBox<CheckpointView>) control(form, "opponentCheckpoint")).getValue().id())
                .as("Policy B is not Policy A").isEqualTo(3L);
        assertThat(((ComboBox<CheckpointView>) control(form, "thirdCheckpoint")).getValue())
                .as("no third accepted checkpoint: left empty").isNull();
        assertThat(((ComboBox<String>) control(form, "corpus")).getValue()).isEqualTo("only.txt");

        JobForm twoCorpora = new JobForm(List.of(ConfigField.corpus("corpus", "Corpus", "")), CHOICES);
        assertThat(((ComboBox<String>) control(twoCorpora, "corpus")).getValue()).as("a choice to make").isNull();
    }
}
