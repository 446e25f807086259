/*
 * Autoregressive sampling from a GPT with a key/value cache: the prompt is run once (prefill),
 * then each step feeds only the newest token and reuses the cached keys and values of earlier
 * positions (Vaswani et al. 2017; the standard decoding loop of GPT-2 and Hugging Face's
 * generate()). Token choice: temperature, top-k, nucleus sampling (Holtzman et al. 2020).
 *
 * Batching: prompts of the same length share a batch; each is prefilled once and its cache row
 * repeated K times (KvCache.repeatRows), so K samples cost one prefill. Prompts of different
 * lengths go to different batches rather than being left-padded: padding would need an
 * attention mask per row and per-row positions, which GptModel does not take. Finished rows are
 * dropped from the cache (KvCache.selectRows), so a batch gets cheaper as samples stop.
 */
package dev.pairwise.policy.sample;

import ai.djl.ndarray.NDManager;
import dev.pairwise.policy.model.GptModel;
import dev.pairwise.policy.tokenizer.Tokenizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Generates K samples for each of a list of prompts. Deterministic: the draws of sample
 * {@code j} of prompt {@code i} come from their own random stream seeded by
 * {@code (seed, i, j)}, so the same seed gives the same text whatever the batching or timing.
 * Not thread-safe (the model is not); one sampler per thread.
 */
public final class Sampler {

    /**
     * Most rows (prompts × K) decoded together. 128 holds the benchmark (32 prompts × 4)
     * in one batch; the cache of a 6-layer, width-384 model at 256 positions is then 0.6 GB.
     */
    public static final int DEFAULT_MAX_BATCH_ROWS = 128;

    private final GptModel model;
    private final Tokenizer tokenizer;
    private final int maxBatchRows;
    private final boolean useCache;

    /** A sampler with the KV cache and batches of at most {@link #DEFAULT_MAX_BATCH_ROWS} rows. */
    public Sampler(GptModel model, Tokenizer tokenizer) {
        this(model, tokenizer, DEFAULT_MAX_BATCH_ROWS, true);
    }

    private Sampler(GptModel model, Tokenizer tokenizer, int maxBatchRows, boolean useCache) {
        this.model = Objects.requireNonNull(model, "model");
        this.tokenizer = Objects.requireNonNull(tokenizer, "tokenizer");
        if (maxBatchRows <= 0) {
            throw new IllegalArgumentException("maxBatchRows must be > 0, got " + maxBatchRows);
        }
        this.maxBatchRows = maxBatchRows;
        this.useCache = useCache;
    }

    /** The same sampler with another batch limit (rows = prompts × K; a prompt's K rows never split). */
    public Sampler withMaxBatchRows(int rows) {
        return new Sampler(model, tokenizer, rows, useCache);
    }

    /**
     * The same sampler without the KV cache: every step runs the whole sequence through the
     * model again. Only for the cache benchmark and for tests; the samples are the same.
     */
    public Sampler withoutCache() {
        return new Sampler(model, tokenizer, maxBatchRows, false);
    }

    /** {@link #sample(List, int, SamplingConfig, TokenListener)} without streaming. */
    public List<Sample> sample(List<int[]> prompts, int k, SamplingConfig config) {
        return sample(prompts, k, config, TokenListener.NONE);
    }

    /**
     * Draws {@code k} samples for every prompt.
     *
     * <p>A sample ends at a stop token ({@link FinishReason#STOP}), after
     * {@code config.maxNewTokens()} tokens, or when prompt and sample fill the model's context
     * window ({@link FinishReason#LENGTH}); prompt plus sample never exceed the context, so the
     * whole sequence can be scored by the same model later.
     *
     * @param prompts  token ids of each prompt, each non-empty and no longer than the context
     * @param k        samples per prompt, &gt; 0
     * @param listener called for every token as it is chosen
     * @return the samples ordered by prompt, then by sample index
     * @throws IllegalArgumentException naming the prompt that is empty, too long for the context
     *                                  or holds an id outside the vocabulary
     */
    public List<Sample> sample(List<int[]> prompts, int k, SamplingConfig config, TokenListener listener) {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(listener, "listener");
        if (k <= 0) {
            throw new IllegalArgumentException("k (samples per prompt) must be > 0, got " + k);
        }
        if (prompts.isEmpty()) {
            throw new IllegalArgumentException("prompts must not be empty");
        }
        validate(prompts);
        Sample[] out = new Sample[prompts.size() * k];
        int promptsPerBatch = Math.max(1, maxBatchRows / k);
        try (NDManager root = NDManager.newBaseManager(model.device())) {
            for (List<Integer> group : byLength(prompts).values()) {
                for (int from = 0; from < group.size(); from += promptsPerBatch) {
                    List<Integer> batch = group.subList(from, Math.min(group.size(), from + promptsPerBatch));
                    BatchDecoder decoder = new BatchDecoder(model, tokenizer, config, listener, useCache);
                    for (Sample s : decoder.run(root, batch, prompts, k)) {
                        out[s.promptIndex() * k + s.sampleIndex()] = s;
                    }
                }
            }
        }
        return List.of(out);
    }

    private void validate(List<int[]> prompts) {
        int context = model.config().contextLength();
        int vocab = model.config().vocabSize();
        for (int i = 0; i < prompts.size(); i++) {
            int[] p = prompts.get(i);
            if (p == null || p.length == 0) {
                throw new IllegalArgumentException("prompt " + i + " is empty: sampling needs at least one token");
            }
            if (p.length > context) {
                throw new IllegalArgumentException("prompt " + i + " has " + p.length
                        + " tokens, longer than the model's context length of " + context);
            }
            for (int id : p) {
                if (id < 0 || id >= vocab) {
                    throw new IllegalArgumentException("prompt " + i + " holds token id " + id
                            + ", outside the model's vocabulary [0, " + vocab + ")");
                }
            }
        }
    }

    /** Prompt indices grouped by prompt length (shortest first), each group in prompt order. */
    private static Map<Integer, List<Integer>> byLength(List<int[]> prompts) {
        Map<Integer, List<Integer>> groups = new TreeMap<>();
        for (int i = 0; i < prompts.size(); i++) {
            groups.computeIfAbsent(prompts.get(i).length, len -> new ArrayList<>()).add(i);
        }
        return groups;
    }
}
