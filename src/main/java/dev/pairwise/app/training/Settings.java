package dev.pairwise.app.training;

import dev.pairwise.app.jobs.ConfigField;
import dev.pairwise.labeling.InvalidInputException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * A job config read through the executor's own {@link ConfigField} list, so the start form, the
 * checks at submission and the values the trainer gets come from one description: a present field
 * must have the field's kind and lie in its range (or be one of its options), a required one must
 * be there, and an absent one takes the field's default. Fields not in the list are left alone
 * (the runner checks the generic ones).
 */
final class Settings {

    private final JsonNode config;
    private final Map<String, ConfigField> fields = new LinkedHashMap<>();

    private Settings(List<ConfigField> list, JsonNode config) {
        this.config = config;
        list.forEach(f -> fields.put(f.name(), f));
    }

    /**
     * Checks {@code config} against {@code fields}.
     *
     * @throws InvalidInputException naming {@code config.<field>} at the first field at fault
     */
    static Settings check(List<ConfigField> fields, JsonNode config) {
        Settings s = new Settings(fields, config);
        for (ConfigField f : fields) {
            s.checkOne(f);
        }
        return s;
    }

    private void checkOne(ConfigField f) {
        JsonNode v = config.get(f.name());
        String at = "config." + f.name();
        if (v == null || v.isNull()) {
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
            case CHECKPOINT, PROJECT -> {
                if (!v.isIntegralNumber() || !v.canConvertToLong()) {
                    throw new InvalidInputException(at, f.name() + " must be an id");
                }
            }
            case TEXT, CORPUS -> {
                if (!v.isString() || v.asString().isBlank()) {
                    throw new InvalidInputException(at, f.name() + " must be a non-empty text");
                }
            }
        }
    }

    private static void inRange(ConfigField f, String at, double x) {
        if ((f.min() != null && x < f.min()) || (f.max() != null && x > f.max())) {
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
        JsonNode v = config.get(name);
        if (v != null && !v.isNull()) {
            return v;
        }
        if (f.defaultValue() == null) {
            throw new IllegalStateException(name + " has no value and no default");
        }
        return JsonSupport.JSON.readTree(f.defaultValue());
    }

    int integer(String name) {
        return Math.toIntExact(valueOrDefault(name).longValue());
    }

    long longValue(String name) {
        return valueOrDefault(name).longValue();
    }

    double number(String name) {
        return valueOrDefault(name).doubleValue();
    }

    String choice(String name) {
        return valueOrDefault(name).asString();
    }

    String text(String name) {
        return valueOrDefault(name).asString();
    }

    boolean flag(String name) {
        return valueOrDefault(name).asBoolean();
    }

    /** A checkpoint or project id, or null when the optional field is absent. */
    @Nullable Long id(String name) {
        JsonNode v = config.get(name);
        return v == null || v.isNull() ? null : v.longValue();
    }

    /** A required id (checked present by {@link #check}). */
    long requiredId(String name) {
        Long id = id(name);
        if (id == null) {
            throw new IllegalStateException(name + " is required");
        }
        return id;
    }
}
