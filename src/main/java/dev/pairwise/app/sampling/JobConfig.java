package dev.pairwise.app.sampling;

import dev.pairwise.labeling.InvalidInputException;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Typed reads of a job's JSON config with bounds; every refusal is an
 * {@link InvalidInputException} naming {@code config.<field>}, as the job API promises.
 */
final class JobConfig {

    private final JsonNode node;

    JobConfig(JsonNode node) {
        this.node = node;
    }

    private static InvalidInputException bad(String field, String message) {
        return new InvalidInputException("config." + field, message);
    }

    boolean has(String field) {
        JsonNode v = node.get(field);
        return v != null && !v.isNull() && !(v.isString() && v.asString().isBlank());
    }

    long integer(String field, long fallback, long min, long max) {
        if (!has(field)) {
            return fallback;
        }
        JsonNode v = node.get(field);
        if (!v.isIntegralNumber() || !v.canConvertToLong()) {
            throw bad(field, field + " must be a whole number");
        }
        long x = v.longValue();
        if (x < min || x > max) {
            throw bad(field, field + " must be between " + min + " and " + max + ", was " + x);
        }
        return x;
    }

    /** A required whole number (a project or checkpoint id). */
    long id(String field) {
        if (!has(field)) {
            throw bad(field, field + " is required");
        }
        return integer(field, 0, 1, Long.MAX_VALUE);
    }

    @Nullable Long optionalId(String field) {
        return has(field) ? integer(field, 0, 1, Long.MAX_VALUE) : null;
    }

    double number(String field, double fallback, double min, double max) {
        if (!has(field)) {
            return fallback;
        }
        JsonNode v = node.get(field);
        if (!v.isNumber()) {
            throw bad(field, field + " must be a number");
        }
        double x = v.doubleValue();
        if (!(x >= min && x <= max)) {
            throw bad(field, field + " must be between " + min + " and " + max + ", was " + x);
        }
        return x;
    }

    boolean bool(String field, boolean fallback) {
        if (!has(field)) {
            return fallback;
        }
        JsonNode v = node.get(field);
        if (!v.isBoolean()) {
            throw bad(field, field + " must be true or false");
        }
        return v.booleanValue();
    }

    /** A JSON array of ids, or the same as text ("3, 5, 9", as a form field sends it); empty if absent. */
    List<Long> ids(String field, int max) {
        if (!has(field)) {
            return List.of();
        }
        JsonNode v = node.get(field);
        List<Long> out = new ArrayList<>();
        if (v.isArray()) {
            for (JsonNode e : v) {
                if (!e.isIntegralNumber() || !e.canConvertToLong() || e.longValue() < 1) {
                    throw bad(field, field + " must hold positive whole numbers");
                }
                out.add(e.longValue());
            }
        } else if (v.isString()) {
            for (String part : v.asString().split("[,\\s]+")) {
                if (part.isEmpty()) {
                    continue;
                }
                try {
                    long id = Long.parseLong(part);
                    if (id < 1) {
                        throw new NumberFormatException();
                    }
                    out.add(id);
                } catch (NumberFormatException e) {
                    throw bad(field, field + " must list positive whole numbers, found '" + part + "'");
                }
            }
        } else {
            throw bad(field, field + " must be a list of ids");
        }
        if (out.size() > max) {
            throw bad(field, field + " names " + out.size() + " prompts, more than " + max);
        }
        if (out.stream().distinct().count() != out.size()) {
            throw bad(field, field + " names a prompt twice");
        }
        return List.copyOf(out);
    }
}
