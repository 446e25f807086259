package dev.pairwise.app.connections;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Sampling settings for one call that replace the connection's defaults; {@code null} (or an
 * empty stop list) keeps the default. A sampling job that draws two responses from one model at
 * two temperatures passes two overrides; {@link Completion#sampling()} says what was sent.
 *
 * @param temperature 0–2
 * @param topP        above 0, at most 1
 * @param maxTokens   at least 1
 * @param seed        asks the server for repeatable sampling (vLLM and OpenAI honour it, not every server does)
 * @param stop        up to 4 stop sequences
 */
public record SamplingOverrides(@Nullable Double temperature, @Nullable Double topP, @Nullable Integer maxTokens,
                                @Nullable Integer seed, List<String> stop) {

    /** The connection's defaults, unchanged. */
    public static final SamplingOverrides NONE = new SamplingOverrides(null, null, null, null, List.of());

    public SamplingOverrides {
        stop = stop == null ? List.of() : List.copyOf(stop);
        if (temperature != null && !(temperature >= 0 && temperature <= 2)) {
            throw new IllegalArgumentException("temperature must be between 0 and 2, not " + temperature);
        }
        if (topP != null && !(topP > 0 && topP <= 1)) {
            throw new IllegalArgumentException("top_p must be above 0 and at most 1, not " + topP);
        }
        if (maxTokens != null && maxTokens < 1) {
            throw new IllegalArgumentException("max_tokens must be at least 1, not " + maxTokens);
        }
        if (stop.size() > 4 || stop.stream().anyMatch(String::isEmpty)) {
            throw new IllegalArgumentException("at most 4 stop sequences, none empty");
        }
    }

    public static SamplingOverrides temperature(double temperature) {
        return new SamplingOverrides(temperature, null, null, null, List.of());
    }

    public static SamplingOverrides maxTokens(int maxTokens) {
        return new SamplingOverrides(null, null, maxTokens, null, List.of());
    }

    /** The settings a call sends: these overrides over the connection's defaults. */
    Sampling over(ConnectionSettings defaults) {
        return new Sampling(temperature != null ? temperature : defaults.temperature(),
                topP != null ? topP : defaults.topP(),
                maxTokens != null ? maxTokens : defaults.maxTokens(), seed, stop);
    }
}
