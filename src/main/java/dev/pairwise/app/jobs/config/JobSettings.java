package dev.pairwise.app.jobs.config;

import dev.pairwise.labeling.InvalidInputException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A job config read through the executor's own {@link ConfigField} list, so the start form, the
 * checks at submission and the values the trainer gets come from one description: a present field
 * must have the field's kind and lie in its range (or be one of its options), a required one must
 * be there, and an absent one takes the field's default. Fields not in the list are left alone
 * (an executor that reads one declares it). A blank text counts as absent, as a form sends an empty box.
 *
 * <p>A config is read once where it enters: at submission ({@code JobService}, before the
 * executor's {@code prepare} gets the result) and when the job runs ({@code JobRunner}, through
 * {@code JobContext.settings()}). The field declarations are the only limits: there is no second
 * list of generic bounds.
 */
public final class JobSettings {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** The column holds 100,000 characters; a config is a few hundred. */
    static final int MAX_CONFIG_CHARS = 100_000;

    private final JsonNode config;
    private final Map<String, ConfigField> fields = new LinkedHashMap<>();

    private JobSettings(List<ConfigField> list, JsonNode config) {
        this.config = config;
        list.forEach(f -> fields.put(f.name(), f));
    }

    /**
     * Parses a config as submitted or stored (a JSON object of bounded size; blank is {@code {}})
     * and checks it against {@code fields}.
     *
     * @throws InvalidInputException naming {@code config} for text that is no JSON object, else
     *                               {@code config.<field>} at the first field at fault
     */
    public static JobSettings read(List<ConfigField> fields, String config) {
        if (config.length() > MAX_CONFIG_CHARS) {
            throw new InvalidInputException("config", "The config is longer than " + MAX_CONFIG_CHARS + " characters");
        }
        JsonNode node;
        try {
            node = JSON.readTree(config.isBlank() ? "{}" : config);
        } catch (JacksonException e) {
            throw new InvalidInputException("config", "The config is not valid JSON: " + e.getOriginalMessage());
        }
        if (node == null || !node.isObject()) {
            throw new InvalidInputException("config", "The config must be a JSON object");
        }
        return check(fields, node);
    }

    /**
     * Checks {@code config} against {@code fields}.
     *
     * @throws InvalidInputException naming {@code config.<field>} at the first field at fault
     */
    public static JobSettings check(List<ConfigField> fields, JsonNode config) {
        JobSettings s = new JobSettings(fields, config);
        for (ConfigField f : fields) {
            s.checkOne(f);
        }
        return s;
    }

    /** The config as read (a JSON object), fields outside the declarations included. */
    public JsonNode json() {
        return config;
    }

    /** The field's value, or null when it is absent, JSON null or a blank text. */
    private @Nullable JsonNode present(String name) {
        JsonNode v = config.get(name);
        return v == null || v.isNull() || (v.isString() && v.asString().isBlank()) ? null : v;
    }

    private void checkOne(ConfigField f) {
        JsonNode v = present(f.name());
        String at = "config." + f.name();
        if (v == null) {
            if (f.required()) {
                throw new InvalidInputException(at, f.label() + " (" + f.name() + ") is required");
            }
            return;
        }
        switch (f.kind()) {
            case INTEGER -> {
                if (!v.isIntegralNumber() || !v.canConvertToLong()) {
                    throw new InvalidInputException(at, f.name() + " must be a whole number");
                }
                inRange(f, at, v.longValue());
            }
            case NUMBER -> {
                if (!v.isNumber() || !Double.isFinite(v.doubleValue())) {
                    throw new InvalidInputException(at, f.name() + " must be a number");
                }
                inRange(f, at, v.doubleValue());
            }
            case CHOICE -> {
                if (!v.isString() || !f.options().contains(v.asString())) {
                    throw new InvalidInputException(at, f.name() + " must be one of " + String.join(", ", f.options()));
                }
            }
            case BOOLEAN -> {
                if (!v.isBoolean()) {
                    throw new InvalidInputException(at, f.name() + " must be true or false");
                }
            }
            case SYSTEMS -> {
                if (!v.isArray() || v.isEmpty()) {
                    throw new InvalidInputException(at, f.name() + " must be a non-empty list of systems");
                }
                for (int i = 0; i < v.size(); i++) {
                    if (!v.get(i).isObject()) {
                        throw new InvalidInputException(at + "[" + i + "]", f.name() + "[" + i + "] must be an object"
                                + " such as {\"connectionId\": 3, \"count\": 2}");
                    }
                }
            }
            case CHECKPOINT, PROJECT, CONNECTION -> {
                if (!v.isIntegralNumber() || !v.canConvertToLong()) {
                    throw new InvalidInputException(at, f.name() + " must be a " + f.kind().name().toLowerCase(Locale.ROOT)
                            + " id");
                }
            }
            case TEXT, CORPUS -> {
                if (!v.isString() && !(f.kind() == ConfigField.Kind.TEXT && v.isArray())) {
                    throw new InvalidInputException(at, f.name() + " must be a text");
                }
            }
        }
    }

    private static void inRange(ConfigField f, String at, double x) {
        if (!f.inRange(x)) {
            throw new InvalidInputException(at, f.name() + " must be between " + plain(f, f.min()) + " and "
                    + plain(f, f.max()) + ", was " + plain(f, x));
        }
    }

    private static String plain(ConfigField f, @Nullable Double x) {
        if (x == null) {
            return "any";
        }
        return f.kind() == ConfigField.Kind.INTEGER ? Long.toString(x.longValue()) : String.format(Locale.ROOT, "%s", x);
    }

    private JsonNode valueOrDefault(String name) {
        ConfigField f = fields.get(name);
        if (f == null) {
            throw new IllegalArgumentException("no config field " + name);
        }
        JsonNode v = present(name);
        if (v != null) {
            return v;
        }
        if (f.defaultValue() == null) {
            throw new IllegalStateException(name + " has no value and no default");
        }
        return JSON.readTree(f.defaultValue());
    }

    public int integer(String name) {
        return Math.toIntExact(valueOrDefault(name).longValue());
    }

    public long longValue(String name) {
        return valueOrDefault(name).longValue();
    }

    public double number(String name) {
        return valueOrDefault(name).doubleValue();
    }

    public String choice(String name) {
        return valueOrDefault(name).asString();
    }

    public String text(String name) {
        return valueOrDefault(name).asString();
    }

    public boolean flag(String name) {
        return valueOrDefault(name).asBoolean();
    }

    /** A checkpoint or project id, or null when the optional field is absent. */
    public @Nullable Long id(String name) {
        JsonNode v = present(name);
        return v == null ? null : v.longValue();
    }

    /** The entries of a SYSTEMS field (objects, checked by {@link #check}); empty when absent. */
    public List<JsonNode> entries(String name) {
        JsonNode v = present(name);
        List<JsonNode> out = new ArrayList<>();
        if (v != null) {
            v.forEach(out::add);
        }
        return out;
    }

    /** A required id (checked present by {@link #check}). */
    public long requiredId(String name) {
        Long id = id(name);
        if (id == null) {
            throw new IllegalStateException(name + " is required");
        }
        return id;
    }

    /**
     * A list of ids in a TEXT field: a JSON array, or text as a form sends it ("3, 5 9"); empty
     * when absent.
     *
     * @throws InvalidInputException naming {@code config.<name>} for a bad, repeated or surplus id
     */
    public List<Long> ids(String name, int max) {
        JsonNode v = present(name);
        if (v == null) {
            return List.of();
        }
        String at = "config." + name;
        List<Long> out = new ArrayList<>();
        if (v.isArray()) {
            for (JsonNode e : v) {
                if (!e.isIntegralNumber() || !e.canConvertToLong() || e.longValue() < 1) {
                    throw new InvalidInputException(at, name + " must hold positive whole numbers");
                }
                out.add(e.longValue());
            }
        } else {
            for (String part : v.asString().strip().split("[,\\s]+")) {
                try {
                    long id = Long.parseLong(part);
                    if (id < 1) {
                        throw new NumberFormatException();
                    }
                    out.add(id);
                } catch (NumberFormatException e) {
                    throw new InvalidInputException(at, name + " must list positive whole numbers, found '" + part + "'");
                }
            }
        }
        if (out.size() > max) {
            throw new InvalidInputException(at, name + " names " + out.size() + " ids, more than " + max);
        }
        if (out.stream().distinct().count() != out.size()) {
            throw new InvalidInputException(at, name + " names an id twice");
        }
        return List.copyOf(out);
    }
}
