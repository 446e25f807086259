package dev.pairwise.app.ui.jobs;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasHelper;
import com.vaadin.flow.component.HasLabel;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.component.textfield.TextField;
import dev.pairwise.app.connections.ConnectionView;
import dev.pairwise.app.jobs.config.ConfigField;
import dev.pairwise.app.registry.CheckpointView;
import dev.pairwise.labeling.InvalidInputException;
import dev.pairwise.labeling.project.ProjectView;
import java.io.InputStream;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * A job type's start form, rendered from its executor's {@link ConfigField}s: number fields with
 * their range and default, a select for choices, combo boxes of registry checkpoints (only the
 * accepted kinds), projects and uploaded corpora (with an upload stored through the corpus store).
 * Each control has the id {@code config-<name>}; {@link #showError} puts a refusal on its field.
 */
class JobForm extends FormLayout {

    /** Where the pickers get their items, and where an uploaded corpus goes. */
    interface Choices {
        /** All registered checkpoints, newest first. */
        List<CheckpointView> checkpoints();

        List<ProjectView> projects();

        /** Names of the uploaded corpora. */
        List<String> corpora();

        /** Stores an upload and returns its name; refusals name the field {@code corpus}. */
        String saveCorpus(String fileName, InputStream content);

        /** The stored model connections, by name (for CONNECTION and SYSTEMS fields). */
        default List<ConnectionView> connections() {
            return List.of();
        }
    }

    private record Control(ConfigField field, Component component, Supplier<@Nullable Object> value) {
    }

    private final Map<String, Control> controls = new LinkedHashMap<>();
    private final List<ConfigField> fields;

    JobForm(List<ConfigField> fields, Choices choices) {
        this.fields = List.copyOf(fields);
        setId("job-form");
        fields.stream().filter(JobForm::replacesOthers).forEach(f -> replaced.addAll(f.options()));
        for (ConfigField f : fields) {
            Control c = control(f, choices);
            controls.put(f.name(), c);
            if (c.component() instanceof HasHelper h && !f.hint().isBlank()) {
                h.setHelperText(f.hint());
            }
            if (c.component() instanceof HasLabel l) {
                l.setLabel(f.label() + (f.required() ? " *" : ""));
            }
            add(c.component());
        }
    }

    private static boolean replacesOthers(ConfigField f) {
        return f.kind() == ConfigField.Kind.CONNECTION || f.kind() == ConfigField.Kind.SYSTEMS;
    }

    /** Fields that another names as the one it replaces: one of two ways to name a system. */
    private final java.util.Set<String> replaced = new java.util.HashSet<>();

    /** Filling a connection or a mix empties the checkpoint it replaces, as the server takes one or the other. */
    private void clearReplaced(ConfigField f) {
        f.options().stream().map(controls::get).filter(java.util.Objects::nonNull)
                .forEach(c -> {
                    if (c.component() instanceof com.vaadin.flow.component.HasValue<?, ?> h) {
                        h.clear();
                    }
                });
    }

    /**
     * The config as JSON. When fields are missing or out of range, every one of them is marked
     * with what is wrong, and {@link InvalidInputException} names the first as {@code config.<name>}.
     */
    String toJson() {
        clearErrors();
        Map<String, @Nullable Object> values = new HashMap<>();
        controls.forEach((name, c) -> values.put(name, c.value().get()));
        Map<String, String> problems = ConfigJson.problems(fields, values);
        problems.forEach(this::showError);
        return ConfigJson.build(fields, values);
    }

    /** The fields marked invalid now, by label, in form order. */
    List<String> invalidLabels() {
        return controls.values().stream()
                .filter(c -> target(c) instanceof HasValidation v && v.isInvalid())
                .map(c -> c.field().label()).toList();
    }

    /**
     * Marks the field named by a refusal ({@code config.x} or {@code x}) with the message in the
     * form's words (config names replaced by labels); false when no field matches.
     */
    boolean showError(String field, String message) {
        String path = field.startsWith("config.") ? field.substring("config.".length()) : field;
        String name = path.split("[\\[.]", 2)[0]; // config.systems[1].count is the systems field's
        Control c = controls.get(name);
        if (c == null) {
            c = controls.values().stream().filter(x -> x.field().kind().name().equalsIgnoreCase(name)).findFirst().orElse(null);
        }
        if (c != null && target(c) instanceof HasValidation v) {
            v.setErrorMessage(inFormWords(message));
            v.setInvalid(true);
            return true;
        }
        return false;
    }

    /**
     * A trainer's message as the form speaks: "maxNewTokens (64) must …" reads "Longest answer
     * (64) must …", and "a reward model (rewardCheckpoint)" loses the bracketed config name.
     */
    String inFormWords(String message) {
        String text = message;
        for (ConfigField f : fields) {
            text = text.replace(" (" + f.name() + ")", "").replace("(" + f.name() + ")", "");
            // A camelCase name is a config name wherever it stands; a plain word ("corpus",
            // "epochs") only where the server made it the subject, at the start.
            boolean camel = !f.name().equals(f.name().toLowerCase(java.util.Locale.ROOT));
            String where = camel ? "\\b" : "^";
            text = text.replaceAll(where + java.util.regex.Pattern.quote(f.name()) + "\\b",
                    java.util.regex.Matcher.quoteReplacement(f.label()));
        }
        text = text.replace("config.", "");
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    private static Component target(Control c) {
        return c.component() instanceof CorpusPicker p ? p.box() : c.component();
    }

    void clearErrors() {
        controls.values().forEach(c -> {
            if (target(c) instanceof HasValidation v) {
                v.setInvalid(false);
            }
        });
    }

    /** Checkpoints an earlier field of this form was preset to: a later one takes another. */
    private final java.util.Set<Long> preset = new java.util.HashSet<>();

    private Control control(ConfigField f, Choices choices) {
        Object initial = ConfigJson.defaultValue(f);
        String id = "config-" + f.name();
        return switch (f.kind()) {
            case INTEGER -> {
                IntegerField x = new IntegerField();
                if (f.min() != null) {
                    x.setMin((int) Math.max(Integer.MIN_VALUE, f.min()));
                }
                if (f.max() != null) {
                    x.setMax((int) Math.min(Integer.MAX_VALUE, f.max()));
                }
                if (initial instanceof Long l && l >= Integer.MIN_VALUE && l <= Integer.MAX_VALUE) {
                    x.setValue(l.intValue());
                }
                x.setId(id);
                yield new Control(f, x, x::getValue);
            }
            case NUMBER -> {
                NumberField x = new NumberField();
                if (f.min() != null) {
                    x.setMin(f.min());
                }
                if (f.max() != null) {
                    x.setMax(f.max());
                }
                if (initial instanceof Double d) {
                    x.setValue(d);
                }
                x.setId(id);
                yield new Control(f, x, x::getValue);
            }
            case BOOLEAN -> {
                Checkbox x = new Checkbox(f.label(), Boolean.TRUE.equals(initial));
                x.setId(id);
                yield new Control(f, x, x::getValue);
            }
            case CHOICE -> {
                Select<String> x = new Select<>();
                x.setItems(f.options());
                x.setValue(initial instanceof String s && f.options().contains(s) ? s : f.options().getFirst());
                x.setId(id);
                yield new Control(f, x, x::getValue);
            }
            case CHECKPOINT -> {
                ComboBox<CheckpointView> x = new ComboBox<>();
                List<CheckpointView> accepted = choices.checkpoints().stream()
                        .filter(c -> f.options().isEmpty() || f.options().contains(c.kind().name())).toList();
                x.setItems(accepted);
                x.setItemLabelGenerator(c -> "#" + c.id() + " " + c.name() + " (" + c.kind() + ")");
                // The newest of the accepted kinds that no earlier field took: an evaluation's
                // Policy B is not preset to Policy A (it stays empty when there is no other). An
                // optional checkpoint that a connection or a mix may replace is preset too.
                if (f.required() || replaced.contains(f.name())) {
                    accepted.stream().filter(c -> !preset.contains(c.id())).findFirst().ifPresent(c -> {
                        x.setValue(c);
                        preset.add(c.id());
                    });
                }
                x.setId(id);
                yield new Control(f, x, () -> x.getValue() == null ? null : x.getValue().id());
            }
            case PROJECT -> {
                ComboBox<ProjectView> x = new ComboBox<>();
                List<ProjectView> projects = choices.projects();
                x.setItems(projects);
                x.setItemLabelGenerator(p -> p.name() + " (#" + p.id() + ")");
                if (f.required() && !projects.isEmpty()) {
                    x.setValue(projects.getFirst()); // an optional project stays empty: "all projects"
                }
                x.setId(id);
                yield new Control(f, x, () -> x.getValue() == null ? null : x.getValue().id());
            }
            case CORPUS -> {
                CorpusPicker x = new CorpusPicker(f, choices, id);
                yield new Control(f, x, x.box()::getValue);
            }
            case CONNECTION -> {
                ComboBox<ConnectionView> x = new ComboBox<>();
                x.setItems(choices.connections());
                x.setItemLabelGenerator(c -> c.name() + " (" + c.settings().model() + ")");
                x.setClearButtonVisible(true);
                x.addValueChangeListener(e -> {
                    if (e.getValue() != null) {
                        clearReplaced(f);
                    }
                });
                x.setId(id);
                yield new Control(f, x, () -> x.getValue() == null ? null : x.getValue().id());
            }
            case SYSTEMS -> {
                List<String> kinds = fields.stream().filter(o -> f.options().contains(o.name())
                        && o.kind() == ConfigField.Kind.CHECKPOINT).flatMap(o -> o.options().stream()).toList();
                SystemsField x = new SystemsField(id, choices.checkpoints().stream()
                        .filter(c -> kinds.isEmpty() || kinds.contains(c.kind().name())).toList(), choices.connections());
                x.addValueChangeListener(e -> {
                    if (e.getValue() != null) {
                        clearReplaced(f);
                    }
                });
                yield new Control(f, x, x::getValue);
            }
            case TEXT -> {
                TextField x = new TextField();
                x.setValue(initial == null ? "" : initial.toString());
                x.setId(id);
                yield new Control(f, x, x::getValue);
            }
        };
    }
}
