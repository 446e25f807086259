/*
 * One decoding loop over a batch of same-length prompts: prefill, repeat each prompt's cache
 * row K times, then one token per step until every row has stopped. Each step runs in its own
 * sub-manager, so native memory stays flat: only the cache (owned by its own sub-manager) lives
 * across steps.
 */
package dev.pairwise.policy.sample;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.pairwise.policy.model.GptModel;
import dev.pairwise.policy.model.KvCache;
import dev.pairwise.policy.model.NoGrad;
import dev.pairwise.policy.tokenizer.Tokenizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.jspecify.annotations.Nullable;
import dev.pairwise.policy.model.NativeArrays;

/** Decodes one batch; single use. */
final class BatchDecoder {

    private final GptModel model;
    private final Tokenizer tokenizer;
    private final SamplingConfig config;
    private final TokenListener listener;
    private final boolean useCache;

    BatchDecoder(GptModel model, Tokenizer tokenizer, SamplingConfig config, TokenListener listener,
                 boolean useCache) {
        this.model = model;
        this.tokenizer = tokenizer;
        this.config = config;
        this.listener = listener;
        this.useCache = useCache;
    }

    /** The state of one sample while it is generated. */
    private final class Row {
        final int promptIndex;
        final int sampleIndex;
        final int[] sequence; // prompt followed by the generated ids
        final SplittableRandom rng;
        final @Nullable TextStream stream;
        int length;
        @Nullable FinishReason finish;
        /** Ended by the listener, so its last token is text, not a stop token. */
        boolean endedByListener;

        Row(int promptIndex, int sampleIndex, int[] prompt, int capacity) {
            this.promptIndex = promptIndex;
            this.sampleIndex = sampleIndex;
            this.sequence = Arrays.copyOf(prompt, capacity);
            this.length = prompt.length;
            this.rng = new SplittableRandom(streamSeed(config.seed(), promptIndex, sampleIndex));
            this.stream = listener == TokenListener.NONE ? null : new TextStream(tokenizer);
        }

        Sample toSample(int promptLength) {
            int[] generated = Arrays.copyOfRange(sequence, promptLength, length);
            int textEnd = finish == FinishReason.STOP && !endedByListener ? generated.length - 1 : generated.length;
            String text = tokenizer.decode(Arrays.copyOf(generated, textEnd));
            return new Sample(promptIndex, sampleIndex, generated, text, finish);
        }
    }

    /**
     * Samples {@code k} continuations of each prompt in {@code batch} (indices into
     * {@code prompts}, all of one length).
     */
    List<Sample> run(NDManager root, List<Integer> batch, List<int[]> prompts, int k) {
        int promptLength = prompts.get(batch.getFirst()).length;
        int budget = Math.min(config.maxNewTokens(), model.config().contextLength() - promptLength);
        List<Row> rows = new ArrayList<>();
        for (int i : batch) {
            for (int j = 0; j < k; j++) {
                rows.add(new Row(i, j, prompts.get(i), promptLength + Math.max(0, budget)));
            }
        }
        if (budget <= 0) {
            rows.forEach(r -> r.finish = FinishReason.LENGTH);
        } else {
            decode(root, rows, batch, prompts, k, promptLength, budget);
        }
        return rows.stream().map(r -> r.toSample(promptLength)).toList();
    }

    private void decode(NDManager root, List<Row> rows, List<Integer> batch, List<int[]> prompts, int k,
                        int promptLength, int budget) {
        try (NoGrad off = NoGrad.enter();
             NDManager batchManager = root.newSubManager();
             @Nullable KvCache cache = useCache ? model.newCache(batchManager, batch.size()) : null) {
            // Prefill: each prompt once; its logits and (with the cache) its keys/values repeated K times.
            float[][] logits;
            int[][] promptIds = batch.stream().map(prompts::get).toArray(int[][]::new);
            try (NDManager step = batchManager.newSubManager()) {
                float[][] perPrompt = lastLogits(model.forward(tokens(step, promptIds), cache));
                logits = new float[rows.size()][];
                for (int r = 0; r < rows.size(); r++) {
                    logits[r] = perPrompt[r / k];
                }
            }
            if (cache != null) {
                cache.repeatRows(k);
            }
            List<Row> active = rows;
            for (int generated = 1; ; generated++) {
                List<Row> next = new ArrayList<>(active.size());
                List<Integer> keep = new ArrayList<>(active.size());
                for (int a = 0; a < active.size(); a++) {
                    Row row = active.get(a);
                    if (choose(row, logits[a], generated == budget)) {
                        next.add(row);
                        keep.add(a);
                    }
                }
                if (next.isEmpty()) {
                    return;
                }
                if (cache != null && next.size() < active.size()) {
                    cache.selectRows(keep.stream().mapToInt(Integer::intValue).toArray());
                }
                active = next;
                logits = step(batchManager, active, cache, promptLength + generated);
            }
        }
    }

    /** Chooses, records and streams one token; returns whether the row goes on. */
    private boolean choose(Row row, float[] logits, boolean last) {
        int id = TokenChooser.choose(logits, config, row.rng);
        row.sequence[row.length++] = id;
        boolean stop = config.stopTokens().contains(id);
        if (row.stream != null) {
            String piece = stop ? row.stream.flush() : row.stream.push(id);
            if (!stop && last) {
                piece += row.stream.flush();
            }
            listener.onToken(row.promptIndex, row.sampleIndex, id, piece);
        }
        if (stop) {
            row.finish = FinishReason.STOP;
        } else if (last) {
            row.finish = FinishReason.LENGTH;
        } else if (listener.endsSample(row.promptIndex, row.sampleIndex)) {
            row.finish = FinishReason.STOP;
            row.endedByListener = true;
        }
        return row.finish == null;
    }

    /** Logits of the next position for every active row (all have {@code length} tokens). */
    private float[][] step(NDManager batchManager, List<Row> active, @Nullable KvCache cache, int length) {
        try (NDManager step = batchManager.newSubManager()) {
            int[][] ids = new int[active.size()][];
            for (int a = 0; a < ids.length; a++) {
                Row row = active.get(a);
                ids[a] = cache != null ? new int[] {row.sequence[length - 1]} : Arrays.copyOf(row.sequence, length);
            }
            return lastLogits(model.forward(tokens(step, ids), cache));
        }
    }

    private static NDArray tokens(NDManager manager, int[][] ids) {
        int width = ids[0].length;
        int[] flat = new int[ids.length * width];
        for (int r = 0; r < ids.length; r++) {
            System.arraycopy(ids[r], 0, flat, r * width, width);
        }
        return NativeArrays.of(manager, flat, new Shape(ids.length, width));
    }

    /** The last position's logits of {@code (B, T, V)} as B float rows. */
    private static float[][] lastLogits(NDArray logits) {
        Shape shape = logits.getShape();
        int b = (int) shape.get(0);
        int v = (int) shape.get(2);
        float[] flat = logits.get(":, -1, :").toFloatArray();
        float[][] rows = new float[b][];
        for (int r = 0; r < b; r++) {
            rows[r] = Arrays.copyOfRange(flat, r * v, (r + 1) * v);
        }
        return rows;
    }

    /** SplitMix64 of (seed, prompt, sample): independent streams that do not depend on batching. */
    static long streamSeed(long seed, int promptIndex, int sampleIndex) {
        return mix(mix(mix(seed) + promptIndex) + sampleIndex);
    }

    private static long mix(long z) {
        z += 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
