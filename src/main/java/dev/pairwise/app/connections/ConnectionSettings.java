package dev.pairwise.app.connections;

import dev.pairwise.labeling.InvalidInputException;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * What a connection is, all but its API key (which travels apart, so that no record holding it
 * can be printed by accident): where the server is, which model to ask, the sampling settings a
 * call sends unless it overrides them, and the limits every caller in this JVM shares. Validated
 * on construction; each refusal names the field as the REST API spells it.
 *
 * @param name              unique, shown wherever a response names its system (1–100 characters)
 * @param baseUrl           the OpenAI-compatible root, up to and including {@code /v1}, no trailing slash
 * @param model             the model name the server expects ({@code model} in the request)
 * @param temperature       0–2
 * @param topP              above 0, at most 1
 * @param maxTokens         most tokens one answer may have (1–1,000,000)
 * @param maxConcurrent     most requests in flight to this server at once, from this JVM (1–1,000)
 * @param requestsPerMinute most requests started per minute, from this JVM (1–100,000)
 * @param timeout           longest one request may take, answer included (1 s – 1 h)
 */
public record ConnectionSettings(String name, String baseUrl, String model, double temperature, double topP,
                                 int maxTokens, int maxConcurrent, int requestsPerMinute, Duration timeout) {

    /** The model's own distribution: what sampling for comparison asks for (InstructGPT sampled at T = 1). */
    public static final double DEFAULT_TEMPERATURE = 1.0;
    /** No nucleus truncation. */
    public static final double DEFAULT_TOP_P = 1.0;
    /** Long enough for a chat answer, short enough that a runaway generation costs little. */
    public static final int DEFAULT_MAX_TOKENS = 512;
    /** A small server (Ollama, llama.cpp) serves a few requests at once; more only queue there. */
    public static final int DEFAULT_MAX_CONCURRENT = 4;
    /** One a second: safe for a shared server or a hosted API's lowest tier. */
    public static final int DEFAULT_REQUESTS_PER_MINUTE = 60;
    /** 512 tokens at 5 tokens/s (a CPU server) take about 100 s. */
    public static final int DEFAULT_TIMEOUT_SECONDS = 120;

    public ConnectionSettings {
        name = required("name", name, 100);
        baseUrl = baseUrl("base_url", baseUrl);
        model = required("model", model, 200);
        between("temperature", temperature, 0, 2);
        if (!(topP > 0 && topP <= 1)) {
            throw new InvalidInputException("top_p", "top_p must be above 0 and at most 1, not " + topP);
        }
        between("max_tokens", maxTokens, 1, 1_000_000);
        between("max_concurrent", maxConcurrent, 1, 1_000);
        between("requests_per_minute", requestsPerMinute, 1, 100_000);
        if (timeout == null || timeout.compareTo(Duration.ofSeconds(1)) < 0 || timeout.compareTo(Duration.ofHours(1)) > 0) {
            throw new InvalidInputException("timeout_seconds", "timeout_seconds must be between 1 and 3600");
        }
    }

    /** Settings from optional values, each missing one at its default (the REST API's and the form's way in). */
    public static ConnectionSettings of(@Nullable String name, @Nullable String baseUrl, @Nullable String model,
                                        @Nullable Double temperature, @Nullable Double topP,
                                        @Nullable Integer maxTokens, @Nullable Integer maxConcurrent,
                                        @Nullable Integer requestsPerMinute, @Nullable Integer timeoutSeconds) {
        return new ConnectionSettings(name == null ? "" : name, baseUrl == null ? "" : baseUrl,
                model == null ? "" : model,
                temperature == null ? DEFAULT_TEMPERATURE : temperature,
                topP == null ? DEFAULT_TOP_P : topP,
                maxTokens == null ? DEFAULT_MAX_TOKENS : maxTokens,
                maxConcurrent == null ? DEFAULT_MAX_CONCURRENT : maxConcurrent,
                requestsPerMinute == null ? DEFAULT_REQUESTS_PER_MINUTE : requestsPerMinute,
                Duration.ofSeconds(timeoutSeconds == null ? DEFAULT_TIMEOUT_SECONDS : timeoutSeconds));
    }

    private static String required(String field, @Nullable String value, int maxLength) {
        String v = value == null ? "" : value.strip();
        if (v.isEmpty()) {
            throw new InvalidInputException(field, field + " is required");
        }
        if (v.length() > maxLength) {
            throw new InvalidInputException(field, field + " is longer than " + maxLength + " characters");
        }
        if (v.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidInputException(field, field + " contains a control character");
        }
        return v;
    }

    private static void between(String field, double value, double min, double max) {
        if (!(value >= min && value <= max)) {
            throw new InvalidInputException(field, field + " must be between " + plain(min) + " and " + plain(max)
                    + ", not " + plain(value));
        }
    }

    private static String plain(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }

    /**
     * An absolute http(s) URL with a host, no credentials (those belong in the API key, which is
     * encrypted; a URL is shown to everyone who may read connections), no query, and not the
     * endpoint itself: the client appends {@code /chat/completions}.
     */
    private static String baseUrl(String field, @Nullable String value) {
        String v = required(field, value, 500);
        URI uri;
        try {
            uri = new URI(v);
        } catch (URISyntaxException e) {
            throw new InvalidInputException(field, field + " is not a valid URL: " + e.getReason());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
            throw new InvalidInputException(field, field + " must be an http:// or https:// URL with a host, e.g. "
                    + "http://localhost:8000/v1");
        }
        if (uri.getRawUserInfo() != null) {
            throw new InvalidInputException(field, field + " must not carry credentials: put them in api_key, "
                    + "which is stored encrypted");
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new InvalidInputException(field, field + " must not have a query or fragment");
        }
        String stripped = v.replaceAll("/+$", "");
        if (stripped.endsWith("/chat/completions")) {
            throw new InvalidInputException(field, field + " is the server's root (e.g. http://localhost:8000/v1), "
                    + "without /chat/completions");
        }
        return stripped;
    }
}
