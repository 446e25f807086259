package dev.pairwise.app.jobs;

import dev.pairwise.labeling.InvalidInputException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The checks every job's config passes before its executor sees it: a JSON object of bounded
 * size, and the fields all trainers share within sane ranges when present. Bounds are wide on
 * purpose: they catch typos and unit mistakes, not taste.
 */
final class JobConfigValidator {

    static final JsonMapper JSON = JsonMapper.builder().build();
    /** The column holds 100,000 characters; a config is a few hundred. */
    static final int MAX_CONFIG_CHARS = 100_000;

    private JobConfigValidator() {
    }

    static JsonNode parse(String config) {
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
        integer(node, "steps", 1, 10_000_000);         // a long CPU run is ~10^5 steps
        integer(node, "epochs", 1, 1_000);
        integer(node, "batchSize", 1, 65_536);
        integer(node, "seed", Long.MIN_VALUE, Long.MAX_VALUE);
        integer(node, "checkpointEvery", 1, 10_000_000);
        number(node, "learningRate", 0, 1);             // AdamW rates live in 1e-6..1e-2
        if (node.has("warmupSteps")) {
            long max = node.has("steps") ? node.get("steps").longValue() : 10_000_000;
            integer(node, "warmupSteps", 0, max);
        }
        return node;
    }

    private static void integer(JsonNode node, String field, long min, long max) {
        JsonNode v = node.get(field);
        if (v == null) {
            return;
        }
        if (!v.isIntegralNumber() || !v.canConvertToLong()) {
            throw new InvalidInputException("config." + field, field + " must be a whole number");
        }
        long x = v.longValue();
        if (x < min || x > max) {
            throw new InvalidInputException("config." + field, field + " must be between " + min + " and " + max + ", was " + x);
        }
    }

    /** A number in (min, max]: zero learning rates are mistakes. */
    private static void number(JsonNode node, String field, double min, double max) {
        JsonNode v = node.get(field);
        if (v == null) {
            return;
        }
        if (!v.isNumber()) {
            throw new InvalidInputException("config." + field, field + " must be a number");
        }
        double x = v.doubleValue();
        if (!(x > min && x <= max)) {
            throw new InvalidInputException("config." + field, field + " must be above " + min + " and at most " + max + ", was " + x);
        }
    }
}
