package dev.pairwise.app.openai;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code pairwise.v1.*}: how much of the machine the OpenAI-compatible endpoint may take. The
 * defaults and the reason for each:
 *
 * @param maxConcurrent   2: completions generated at once. On a 2-core CPU two generations share
 *                        the cores and a third only makes all of them slower; raise it on a GPU
 * @param maxQueued       8: completions admitted to wait for a generator; beyond that a request
 *                        gets 429 with {@code Retry-After} at once instead of piling up threads
 *                        and memory. 0 = no waiting at all
 * @param maxLoadedModels 2: checkpoints kept loaded (least recently used dropped and freed); a
 *                        policy and the one it is compared with, without reloading either
 * @param maxN            8: most choices ({@code n}) per request, one row each in the sampler's
 *                        batch; the labelers' K is at most 9
 * @param timeout         5m: longest a completion may take, waiting included; then it is
 *                        cancelled (503) and its generator freed
 */
@ConfigurationProperties("pairwise.v1")
public record V1Settings(
        @DefaultValue("2") int maxConcurrent,
        @DefaultValue("8") int maxQueued,
        @DefaultValue("2") int maxLoadedModels,
        @DefaultValue("8") int maxN,
        @DefaultValue("5m") Duration timeout) {

    /** Validates every limit, naming the property. */
    public V1Settings {
        if (maxConcurrent < 1) {
            throw new IllegalArgumentException("pairwise.v1.max-concurrent must be >= 1, was " + maxConcurrent);
        }
        if (maxQueued < 0) {
            throw new IllegalArgumentException("pairwise.v1.max-queued must be >= 0, was " + maxQueued);
        }
        if (maxLoadedModels < 1) {
            throw new IllegalArgumentException("pairwise.v1.max-loaded-models must be >= 1, was " + maxLoadedModels);
        }
        if (maxN < 1) {
            throw new IllegalArgumentException("pairwise.v1.max-n must be >= 1, was " + maxN);
        }
        if (timeout == null || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("pairwise.v1.timeout must be positive, was " + timeout);
        }
    }
}
