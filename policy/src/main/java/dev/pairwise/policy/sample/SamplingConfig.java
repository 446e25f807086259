/*
 * The knobs of autoregressive sampling: temperature scaling of the logits, top-k truncation
 * (Fan et al. 2018) and nucleus / top-p truncation (Holtzman et al. 2020, "The Curious Case of
 * Neural Text Degeneration"), applied in that order as in Hugging Face's generate().
 */
package dev.pairwise.policy.sample;

import java.util.Set;

/**
 * How tokens are chosen, validated on construction (each message names the field).
 *
 * @param temperature  divides the logits; 0 means greedy (argmax, ties to the lowest id). Default 1:
 *                     the model's own distribution, which RLHF rollouts and K diverse samples for
 *                     labelers need
 * @param topK         keep only the k most likely tokens; 0 turns it off (the default, so that
 *                     temperature alone defines the distribution)
 * @param topP         keep the smallest set of most likely tokens whose probability reaches p, in
 *                     (0, 1]; 1 turns it off (default). Holtzman et al. use 0.95 for open-ended text
 * @param maxNewTokens most tokens generated per sample, &gt; 0; default 256 (the benchmark
 *                     length, longer than a labeler reads comfortably)
 * @param stopTokens   ids that end a sample (for example {@code <|end|>}); the stop token is kept in
 *                     the sample's ids but not in its text. Default none
 * @param seed         seeds every draw; same seed, prompts and model give the same text. Default 0
 */
public record SamplingConfig(
        double temperature,
        int topK,
        double topP,
        int maxNewTokens,
        Set<Integer> stopTokens,
        long seed) {

    /** Validates and copies {@code stopTokens}. */
    public SamplingConfig {
        if (!(temperature >= 0) || Double.isInfinite(temperature)) {
            throw new IllegalArgumentException("temperature must be >= 0 and finite (0 = greedy), got " + temperature);
        }
        if (topK < 0) {
            throw new IllegalArgumentException("topK must be >= 0 (0 = off), got " + topK);
        }
        if (!(topP > 0 && topP <= 1)) {
            throw new IllegalArgumentException("topP must be in (0, 1] (1 = off), got " + topP);
        }
        if (maxNewTokens <= 0) {
            throw new IllegalArgumentException("maxNewTokens must be > 0, got " + maxNewTokens);
        }
        if (stopTokens == null) {
            throw new IllegalArgumentException("stopTokens must not be null (use an empty set)");
        }
        for (Integer id : stopTokens) {
            if (id == null || id < 0) {
                throw new IllegalArgumentException("stopTokens must hold ids >= 0, got " + id);
            }
        }
        stopTokens = Set.copyOf(stopTokens);
    }

    /** Temperature 1, no truncation, 256 new tokens, no stop token, seed 0. */
    public static SamplingConfig defaults() {
        return new SamplingConfig(1.0, 0, 1.0, 256, Set.of(), 0L);
    }

    /** Greedy decoding (temperature 0) of at most {@code maxNewTokens} tokens. */
    public static SamplingConfig greedy(int maxNewTokens) {
        return new SamplingConfig(0.0, 0, 1.0, maxNewTokens, Set.of(), 0L);
    }

    /** True when every token is the argmax (temperature 0 or top-k 1): no randomness at all. */
    public boolean isGreedy() {
        return temperature == 0 || topK == 1;
    }

    /** A copy with another temperature (validated again). */
    public SamplingConfig withTemperature(double t) {
        return new SamplingConfig(t, topK, topP, maxNewTokens, stopTokens, seed);
    }

    /** A copy with another top-k (validated again). */
    public SamplingConfig withTopK(int k) {
        return new SamplingConfig(temperature, k, topP, maxNewTokens, stopTokens, seed);
    }

    /** A copy with another top-p (validated again). */
    public SamplingConfig withTopP(double p) {
        return new SamplingConfig(temperature, topK, p, maxNewTokens, stopTokens, seed);
    }

    /** A copy with another token budget (validated again). */
    public SamplingConfig withMaxNewTokens(int n) {
        return new SamplingConfig(temperature, topK, topP, n, stopTokens, seed);
    }

    /** A copy with another set of stop tokens (validated again). */
    public SamplingConfig withStopTokens(Set<Integer> ids) {
        return new SamplingConfig(temperature, topK, topP, maxNewTokens, ids, seed);
    }

    /** A copy with another seed (validated again). */
    public SamplingConfig withSeed(long s) {
        return new SamplingConfig(temperature, topK, topP, maxNewTokens, stopTokens, s);
    }
}
