package dev.pairwise.app.sampling;

import dev.pairwise.labeling.InvalidInputException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * One entry of a mixed SAMPLE job's {@code systems}: where responses come from (a connection or a
 * checkpoint, exactly one), the settings that replace the defaults, and how many of a prompt's K
 * responses it draws. Absent settings fall back to the connection's defaults for a connection and
 * to the job's sampling fields for a checkpoint.
 *
 * @param connectionId a stored connection, or null
 * @param checkpointId a registry checkpoint, or null
 * @param temperature  0–2, or null for the default
 * @param topP         above 0, at most 1, or null
 * @param maxTokens    1–{@value #MAX_TOKENS} (a checkpoint: at most {@value #MAX_CHECKPOINT_TOKENS}), or null
 * @param count        responses per prompt, at least 1
 */
record SystemSpec(@Nullable Long connectionId, @Nullable Long checkpointId, @Nullable Double temperature,
                  @Nullable Double topP, @Nullable Integer maxTokens, int count) {

    /** The protocol allows far more, but one labeler-facing answer of a million tokens is a mistake. */
    static final int MAX_TOKENS = 1_000_000;
    /** The checkpoint sampler's own cap (the {@code maxNewTokens} field's maximum). */
    static final int MAX_CHECKPOINT_TOKENS = 4096;

    private static final Set<String> KEYS = Set.of("connectionId", "checkpointId", "temperature", "top_p",
            "max_tokens", "count");

    boolean isConnection() {
        return connectionId != null;
    }

    /**
     * The entries of a {@code systems} field, each checked; refusals name the entry and its key
     * ({@code config.systems[1].count}).
     */
    static List<SystemSpec> parse(String field, List<JsonNode> entries) {
        List<SystemSpec> out = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            out.add(parse("config." + field + "[" + i + "]", entries.get(i)));
        }
        return List.copyOf(out);
    }

    private static SystemSpec parse(String at, JsonNode e) {
        for (String key : e.propertyNames()) {
            if (!KEYS.contains(key)) {
                throw new InvalidInputException(at + "." + key, "unknown key '" + key + "'; a system takes "
                        + "connectionId or checkpointId, temperature, top_p, max_tokens and count");
            }
        }
        @Nullable Long connection = id(at, e, "connectionId");
        @Nullable Long checkpoint = id(at, e, "checkpointId");
        if ((connection == null) == (checkpoint == null)) {
            throw new InvalidInputException(at, "a system names exactly one of connectionId and checkpointId");
        }
        @Nullable Double temperature = number(at, e, "temperature");
        if (temperature != null && !(temperature >= 0 && temperature <= 2)) {
            throw new InvalidInputException(at + ".temperature", "temperature must be between 0 and 2, was " + temperature);
        }
        @Nullable Double topP = number(at, e, "top_p");
        if (topP != null && !(topP > 0 && topP <= 1)) {
            throw new InvalidInputException(at + ".top_p", "top_p must be above 0 and at most 1, was " + topP);
        }
        @Nullable Long maxTokens = whole(at, e, "max_tokens");
        int cap = checkpoint != null ? MAX_CHECKPOINT_TOKENS : MAX_TOKENS;
        if (maxTokens != null && (maxTokens < 1 || maxTokens > cap)) {
            throw new InvalidInputException(at + ".max_tokens", "max_tokens must be between 1 and " + cap
                    + (checkpoint != null ? " for a checkpoint" : "") + ", was " + maxTokens);
        }
        @Nullable Long count = whole(at, e, "count");
        if (count == null) {
            throw new InvalidInputException(at + ".count", "count (how many of a prompt's responses this system draws)"
                    + " is required");
        }
        if (count < 1 || count > 1000) {
            throw new InvalidInputException(at + ".count", "count must be between 1 and 1000, was " + count);
        }
        return new SystemSpec(connection, checkpoint, temperature, topP,
                maxTokens == null ? null : maxTokens.intValue(), count.intValue());
    }

    /**
     * Refuses a mix whose counts do not add up to the project's K, naming the field.
     *
     * @param project the target project's name, for the message
     */
    static void checkSum(String field, List<SystemSpec> systems, int k, String project) {
        int sum = systems.stream().mapToInt(SystemSpec::count).sum();
        if (sum != k) {
            throw new InvalidInputException("config." + field, "the systems' counts sum to " + sum + ", but project "
                    + project + " has K = " + k + "; each prompt needs exactly K responses");
        }
    }

    private static @Nullable JsonNode present(JsonNode e, String key) {
        JsonNode v = e.get(key);
        return v == null || v.isNull() ? null : v;
    }

    private static @Nullable Long id(String at, JsonNode e, String key) {
        @Nullable Long v = whole(at, e, key);
        if (v != null && v < 1) {
            throw new InvalidInputException(at + "." + key, key + " must be an id, was " + v);
        }
        return v;
    }

    private static @Nullable Long whole(String at, JsonNode e, String key) {
        JsonNode v = present(e, key);
        if (v == null) {
            return null;
        }
        if (!v.isIntegralNumber() || !v.canConvertToLong()) {
            throw new InvalidInputException(at + "." + key, key + " must be a whole number");
        }
        return v.longValue();
    }

    private static @Nullable Double number(String at, JsonNode e, String key) {
        JsonNode v = present(e, key);
        if (v == null) {
            return null;
        }
        if (!v.isNumber() || !Double.isFinite(v.doubleValue())) {
            throw new InvalidInputException(at + "." + key, key + " must be a number");
        }
        return v.doubleValue();
    }
}
