package dev.pairwise.app.openai;

import dev.pairwise.formats.Speaker;
import dev.pairwise.policy.data.pairs.Turn;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * A {@code POST /v1/chat/completions} body, checked field by field: every refusal is a 400 naming
 * the parameter ({@code messages[2].role}, {@code temperature}) as OpenAI's API does. Parameters
 * we cannot honour (tools, log-probabilities, penalties, logit bias, a JSON response format) are
 * refused when set to anything but their neutral value rather than silently ignored; fields that
 * change nothing about the text ({@code user}, {@code metadata}, {@code store}, ...) are ignored.
 *
 * @param topP      {@code top_p}; 0 asks for the single most likely token (greedy), as OpenAI reads it
 * @param topK      {@code top_k} (a vLLM extension); 0 = off
 * @param maxTokens {@code max_completion_tokens}, else {@code max_tokens}; null = up to the context
 * @param seed      null = a fresh random seed per request
 */
record ChatRequest(String model, List<Turn> messages, double temperature, double topP, int topK,
                   @Nullable Integer maxTokens, int n, @Nullable Long seed, List<String> stop, boolean stream,
                   boolean includeUsage) {

    /** OpenAI takes at most 4 stop sequences. */
    static final int MAX_STOP = 4;

    /**
     * Reads and checks a request body.
     *
     * @param maxN the most choices one request may ask for ({@code pairwise.v1.max-n})
     * @throws OpenAiException 400 naming the parameter at fault
     */
    static ChatRequest parse(JsonNode body, int maxN) {
        if (body == null || !body.isObject()) {
            throw new OpenAiException(org.springframework.http.HttpStatus.BAD_REQUEST, "invalid_request_error", null,
                    "invalid_type", "The request body must be a JSON object.", 0);
        }
        String model = requiredString(body, "model");
        List<Turn> messages = messages(body.get("messages"));
        double temperature = number(body, "temperature", 1.0, 0, 2);
        double topP = number(body, "top_p", 1.0, 0, 1);
        int topK = integer(body, "top_k", 0, -1, Integer.MAX_VALUE);
        Integer maxTokens = maxTokens(body);
        int n = integer(body, "n", 1, 1, maxN);
        Long seed = present(body, "seed") ? longValue(body, "seed") : null;
        List<String> stop = stop(body.get("stop"));
        boolean stream = bool(body, "stream", false);
        boolean includeUsage = false;
        JsonNode options = body.get("stream_options");
        if (options != null && !options.isNull()) {
            if (!options.isObject()) {
                throw OpenAiException.wrongType("stream_options", "an object");
            }
            includeUsage = bool(options, "include_usage", "stream_options.include_usage", false);
        }
        unsupported(body);
        return new ChatRequest(model, messages, temperature, topP, Math.max(0, topK), maxTokens, n, seed, stop, stream,
                includeUsage);
    }

    private static List<Turn> messages(@Nullable JsonNode node) {
        if (node == null || node.isNull()) {
            throw OpenAiException.missing("messages");
        }
        if (!node.isArray()) {
            throw OpenAiException.wrongType("messages", "an array");
        }
        if (node.isEmpty()) {
            throw OpenAiException.invalid("messages", "'messages' must hold at least one message.");
        }
        List<Turn> turns = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            String at = "messages[" + i + "]";
            JsonNode m = node.get(i);
            if (!m.isObject()) {
                throw OpenAiException.wrongType(at, "an object");
            }
            String roleName = requiredString(m, "role", at + ".role");
            Speaker role = switch (roleName) {
                case "system", "developer" -> Speaker.SYSTEM;
                case "user" -> Speaker.USER;
                case "assistant" -> Speaker.ASSISTANT;
                default -> throw OpenAiException.invalid(at + ".role", "Invalid value '" + roleName + "' for '" + at
                        + ".role': this server takes system, developer, user and assistant messages (no tools).");
            };
            turns.add(new Turn(role, content(m.get("content"), at + ".content")));
        }
        return List.copyOf(turns);
    }

    /** A string, or an array of {@code {"type":"text","text":...}} parts, joined. */
    private static String content(@Nullable JsonNode node, String at) {
        if (node == null || node.isNull()) {
            throw OpenAiException.missing(at);
        }
        if (node.isString()) {
            return node.stringValue();
        }
        if (!node.isArray()) {
            throw OpenAiException.wrongType(at, "a string or an array of text parts");
        }
        StringBuilder text = new StringBuilder();
        for (int j = 0; j < node.size(); j++) {
            JsonNode part = node.get(j);
            String partAt = at + "[" + j + "]";
            if (!part.isObject()) {
                throw OpenAiException.wrongType(partAt, "an object");
            }
            String type = requiredString(part, "type", partAt + ".type");
            if (!type.equals("text")) {
                throw OpenAiException.invalid(partAt + ".type", "Invalid value '" + type + "' for '" + partAt
                        + ".type': these models read text parts only.");
            }
            text.append(requiredString(part, "text", partAt + ".text"));
        }
        return text.toString();
    }

    private static @Nullable Integer maxTokens(JsonNode body) {
        String name = present(body, "max_completion_tokens") ? "max_completion_tokens" : "max_tokens";
        return present(body, name) ? integer(body, name, 0, 1, Integer.MAX_VALUE) : null;
    }

    private static List<String> stop(@Nullable JsonNode node) {
        if (node == null || node.isNull()) {
            return List.of();
        }
        List<String> stops = new ArrayList<>();
        if (node.isString()) {
            stops.add(node.stringValue());
        } else if (node.isArray()) {
            if (node.size() > MAX_STOP) {
                throw OpenAiException.invalid("stop", "'stop' takes at most " + MAX_STOP + " sequences, got "
                        + node.size() + ".");
            }
            for (int i = 0; i < node.size(); i++) {
                if (!node.get(i).isString()) {
                    throw OpenAiException.wrongType("stop[" + i + "]", "a string");
                }
                stops.add(node.get(i).stringValue());
            }
        } else {
            throw OpenAiException.wrongType("stop", "a string or an array of strings");
        }
        for (String s : stops) {
            if (s.isEmpty()) {
                throw OpenAiException.invalid("stop", "A stop sequence must not be empty.");
            }
        }
        return List.copyOf(stops);
    }

    /** Refuses what would change the answer but is not implemented, unless set to its neutral value. */
    private static void unsupported(JsonNode body) {
        for (String list : List.of("tools", "functions")) {
            JsonNode v = body.get(list);
            if (v != null && !v.isNull() && !(v.isArray() && v.isEmpty())) {
                throw OpenAiException.invalid(list, "'" + list + "' is not supported: these models do not call tools.");
            }
        }
        if (bool(body, "logprobs", false)) {
            throw OpenAiException.invalid("logprobs", "'logprobs' is not supported by this server.");
        }
        for (String penalty : List.of("presence_penalty", "frequency_penalty")) {
            if (number(body, penalty, 0, -2, 2) != 0) {
                throw OpenAiException.invalid(penalty, "'" + penalty + "' is not supported by this server; leave it 0.");
            }
        }
        JsonNode bias = body.get("logit_bias");
        if (bias != null && !bias.isNull() && !(bias.isObject() && bias.isEmpty())) {
            throw OpenAiException.invalid("logit_bias", "'logit_bias' is not supported by this server.");
        }
        JsonNode format = body.get("response_format");
        if (format != null && !format.isNull()) {
            JsonNode type = format.get("type");
            if (type == null || !type.isString() || !type.stringValue().equals("text")) {
                throw OpenAiException.invalid("response_format.type",
                        "Only the 'text' response format is supported by this server.");
            }
        }
    }

    private static boolean present(JsonNode body, String name) {
        JsonNode v = body.get(name);
        return v != null && !v.isNull();
    }

    private static String requiredString(JsonNode body, String name) {
        return requiredString(body, name, name);
    }

    private static String requiredString(JsonNode node, String name, String param) {
        JsonNode v = node.get(name);
        if (v == null || v.isNull()) {
            throw OpenAiException.missing(param);
        }
        if (!v.isString()) {
            throw OpenAiException.wrongType(param, "a string");
        }
        return v.stringValue();
    }

    private static double number(JsonNode body, String name, double fallback, double min, double max) {
        if (!present(body, name)) {
            return fallback;
        }
        JsonNode v = body.get(name);
        if (!v.isNumber()) {
            throw OpenAiException.wrongType(name, "a number");
        }
        double x = v.doubleValue();
        if (!(x >= min && x <= max)) {
            throw OpenAiException.invalid(name, String.format(Locale.ROOT,
                    "Invalid value for '%s': %s is outside [%s, %s].", name, v, plain(min), plain(max)));
        }
        return x;
    }

    private static int integer(JsonNode body, String name, int fallback, int min, int max) {
        if (!present(body, name)) {
            return fallback;
        }
        long x = longValue(body, name);
        if (x < min || x > max) {
            throw OpenAiException.invalid(name, "Invalid value for '" + name + "': " + x + " is outside [" + min + ", "
                    + max + "].");
        }
        return (int) x;
    }

    private static long longValue(JsonNode body, String name) {
        JsonNode v = body.get(name);
        if (!v.isIntegralNumber() || !v.canConvertToLong()) {
            throw OpenAiException.wrongType(name, "an integer");
        }
        return v.longValue();
    }

    private static boolean bool(JsonNode body, String name, boolean fallback) {
        return bool(body, name, name, fallback);
    }

    private static boolean bool(JsonNode node, String name, String param, boolean fallback) {
        JsonNode v = node.get(name);
        if (v == null || v.isNull()) {
            return fallback;
        }
        if (!v.isBoolean()) {
            throw OpenAiException.wrongType(param, "true or false");
        }
        return v.booleanValue();
    }

    private static String plain(double x) {
        return x == Math.rint(x) ? Long.toString((long) x) : Double.toString(x);
    }
}
