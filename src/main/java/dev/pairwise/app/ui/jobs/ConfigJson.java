package dev.pairwise.app.ui.jobs;

import dev.pairwise.app.jobs.config.ConfigField;
import dev.pairwise.labeling.InvalidInputException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The start form's values as the JSON config a job is submitted with. Every filled field is
 * written (defaults included), so the stored config says exactly what ran even if a trainer's
 * defaults change later; empty optional fields are left out. Required fields and ranges are
 * checked here too, naming the field as {@code config.<name>} like the server does, so a person
 * sees the mistake at the field before anything is sent.
 */
final class ConfigJson {

    static final JsonMapper JSON = JsonMapper.builder().build();

    private ConfigJson() {
    }

    /**
     * @param values field name → value: {@code Number} for INTEGER, NUMBER, CHECKPOINT, PROJECT and
     *               CONNECTION, {@code String} for TEXT, CHOICE and CORPUS, {@code Boolean} for
     *               BOOLEAN, a JSON array for SYSTEMS; null or blank for none
     * @throws InvalidInputException naming {@code config.<name>} for a missing or out-of-range value
     */
    static String build(List<ConfigField> fields, Map<String, ?> values) {
        Map<String, String> problems = problems(fields, values);
        if (!problems.isEmpty()) {
            Map.Entry<String, String> first = problems.entrySet().iterator().next();
            throw new InvalidInputException("config." + first.getKey(), first.getValue());
        }
        ObjectNode config = JSON.createObjectNode();
        for (ConfigField f : fields) {
            Object v = values.get(f.name());
            if (v == null || v instanceof String s && s.isBlank()) {
                continue;
            }
            switch (f.kind()) {
                case INTEGER, CHECKPOINT, PROJECT, CONNECTION -> config.put(f.name(), ((Number) v).longValue());
                case SYSTEMS -> config.set(f.name(), (JsonNode) v);
                case NUMBER -> config.put(f.name(), ((Number) v).doubleValue());
                case BOOLEAN -> config.put(f.name(), (Boolean) v);
                case TEXT, CHOICE, CORPUS -> config.put(f.name(), v.toString().strip());
            }
        }
        return JSON.writeValueAsString(config);
    }

    /**
     * Every field whose value is missing (when required) or out of range, in form order: field
     * name → what is wrong, in the form's words ("Epochs must be between 1 and 100, was 0"). A
     * person fixes them all in one go instead of meeting them one by one.
     */
    static Map<String, String> problems(List<ConfigField> fields, Map<String, ?> values) {
        Map<String, String> problems = new LinkedHashMap<>();
        for (ConfigField f : fields) {
            Object v = values.get(f.name());
            if (v == null || v instanceof String s && s.isBlank()) {
                if (f.required()) {
                    problems.put(f.name(), f.label() + " is required");
                }
                continue;
            }
            if (v instanceof Number n && f.kind() != ConfigField.Kind.CHECKPOINT && f.kind() != ConfigField.Kind.PROJECT
                    && f.kind() != ConfigField.Kind.CONNECTION) {
                String wrong = outOfRange(f, n.doubleValue());
                if (wrong != null) {
                    problems.put(f.name(), wrong);
                }
            }
        }
        return problems;
    }

    /** The field's default as a form value (see {@link #build}), or null when it has none. */
    static @Nullable Object defaultValue(ConfigField f) {
        if (f.defaultValue() == null) {
            return null;
        }
        JsonNode node;
        try {
            node = JSON.readTree(f.defaultValue());
        } catch (JacksonException e) {
            return f.defaultValue(); // a bare word: take it as text
        }
        if (node == null || node.isNull()) {
            return null;
        }
        return switch (f.kind()) {
            case INTEGER, CHECKPOINT, PROJECT, CONNECTION -> node.isNumber() ? node.longValue() : null;
            case SYSTEMS -> node.isArray() ? node : null;
            case NUMBER -> node.isNumber() ? node.doubleValue() : null;
            case BOOLEAN -> node.isBoolean() ? node.booleanValue() : null;
            case TEXT, CHOICE, CORPUS -> node.isString() ? node.stringValue() : node.toString();
        };
    }

    private static @Nullable String outOfRange(ConfigField f, double v) {
        if (!Double.isFinite(v)) {
            return f.label() + " must be a finite number";
        }
        if (!f.inRange(v)) {
            return f.label() + " must be between " + bound(f.min()) + " and " + bound(f.max()) + ", was "
                    + LineChart.format(v);
        }
        return null;
    }

    private static String bound(@Nullable Double b) {
        return b == null ? "any" : LineChart.format(Objects.requireNonNull(b));
    }
}
