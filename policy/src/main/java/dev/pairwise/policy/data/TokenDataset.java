/*
 * Pretraining data as nanoGPT reads it: one token stream, the first 90% for training and the
 * last 10% for validation, and batches of random windows (x = tokens[i, i+T), y = tokens[i+1,
 * i+T+1)). The windows come from a Java generator seeded by (seed, step, micro-batch) instead
 * of a running generator, so a resumed run draws exactly the batches a straight run would,
 * without saving generator state.
 */
package dev.pairwise.policy.data;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.Arrays;
import java.util.SplittableRandom;
import dev.pairwise.policy.model.NativeArrays;

/** A token stream split into training and validation parts, and its random batches. */
public final class TokenDataset {

    /** nanoGPT's split: the last 10% of the stream is held out. */
    public static final double DEFAULT_VAL_FRACTION = 0.1;

    private final int[] train;
    private final int[] val;
    private final int vocabSize;

    /**
     * Splits {@code tokens} (every id in {@code [0, vocabSize)}) at {@code 1 - valFraction}.
     *
     * @throws IllegalArgumentException if the stream is empty, an id is out of range, or a part
     *                                  is too short for one window of {@code contextLength + 1}
     */
    public TokenDataset(int[] tokens, int vocabSize, int contextLength, double valFraction) {
        if (tokens.length == 0) {
            throw new IllegalArgumentException("corpus is empty: no tokens to train on");
        }
        if (!(valFraction > 0 && valFraction < 1)) {
            throw new IllegalArgumentException("valFraction must be in (0, 1), got " + valFraction);
        }
        for (int i = 0; i < tokens.length; i++) {
            if (tokens[i] < 0 || tokens[i] >= vocabSize) {
                throw new IllegalArgumentException("token id " + tokens[i] + " at position " + i
                        + " is outside the vocabulary [0, " + vocabSize + ")");
            }
        }
        int n = (int) ((1 - valFraction) * tokens.length);
        this.train = Arrays.copyOfRange(tokens, 0, n);
        this.val = Arrays.copyOfRange(tokens, n, tokens.length);
        this.vocabSize = vocabSize;
        int need = contextLength + 2;
        if (train.length < need || val.length < need) {
            throw new IllegalArgumentException("corpus too short: " + tokens.length + " tokens give " + train.length
                    + " for training and " + val.length + " for validation; each part needs at least " + need
                    + " (context length " + contextLength + " + 2)");
        }
    }

    /** Which part of the stream a batch is drawn from. */
    public enum Split { TRAIN, VAL }

    /** Tokens in the training part. */
    public int trainTokens() {
        return train.length;
    }

    /** Tokens in the validation part. */
    public int valTokens() {
        return val.length;
    }

    /** Vocabulary size the ids were checked against. */
    public int vocabSize() {
        return vocabSize;
    }

    /**
     * A batch {@code (x, y)}, each {@code (batch, contextLength)} int64 in {@code manager}, of
     * windows at offsets drawn from {@code rng}.
     */
    public NDList batch(NDManager manager, Split split, int batch, int contextLength, SplittableRandom rng) {
        int[] data = split == Split.TRAIN ? train : val;
        int t = contextLength;
        long[] x = new long[batch * t];
        long[] y = new long[batch * t];
        int bound = data.length - t - 1;
        for (int b = 0; b < batch; b++) {
            int start = rng.nextInt(bound);
            for (int i = 0; i < t; i++) {
                x[b * t + i] = data[start + i];
                y[b * t + i] = data[start + i + 1];
            }
        }
        Shape shape = new Shape(batch, t);
        NDArray xs = NativeArrays.of(manager, x, shape);
        NDArray ys = NativeArrays.of(manager, y, shape);
        return new NDList(xs, ys);
    }

    /**
     * The generator for one batch: a pure function of {@code (seed, stream, index, micro)}, so
     * that batches do not depend on what was drawn before (exact resume).
     */
    public static SplittableRandom rng(long seed, long stream, long index, long micro) {
        long h = seed;
        h = mix(h ^ (stream * 0x9E3779B97F4A7C15L));
        h = mix(h ^ (index * 0xC2B2AE3D27D4EB4FL));
        h = mix(h ^ (micro * 0x165667B19E3779F9L));
        return new SplittableRandom(h);
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
