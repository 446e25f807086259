package dev.pairwise.policy.align;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

import java.util.ArrayList;
import java.util.List;
import dev.pairwise.policy.model.NativeArrays;

/**
 * Token rows to training tensors. A row is a token sequence with a flag per token saying whether
 * the model learns to produce it (response tokens) or only reads it (prompt, chat markers of the
 * prompt). A batch is {@code inputs = tokens[0..n−2]}, {@code labels = tokens[1..n−1]} and
 * {@code mask[t] = learn[t+1]}, right-padded with the pad id (mask 0) to the longest row.
 */
public final class TokenRows {

    private TokenRows() {
    }

    /** One sequence and which of its tokens are learned. */
    public record Row(int[] tokens, boolean[] learn) {

        public Row {
            if (tokens.length != learn.length) {
                throw new IllegalArgumentException("tokens and learn flags differ in length");
            }
            if (tokens.length < 2) {
                throw new IllegalArgumentException("a row needs at least 2 tokens (one input, one label)");
            }
        }

        /** Prompt tokens read, response tokens learned. */
        public static Row of(ChatTokens.Fitted f) {
            int[] t = f.joined();
            boolean[] learn = new boolean[t.length];
            for (int i = f.prompt().length; i < t.length; i++) {
                learn[i] = true;
            }
            return new Row(t, learn);
        }

        public int length() {
            return tokens.length;
        }
    }

    /**
     * Packs rows greedily, in the given order, into rows of at most {@code maxLength} tokens (TRL's
     * {@code packing}); a row longer than that stays alone.
     */
    public static List<Row> pack(List<Row> rows, int maxLength) {
        List<Row> out = new ArrayList<>();
        List<Row> current = new ArrayList<>();
        int length = 0;
        for (Row r : rows) {
            if (!current.isEmpty() && length + r.length() > maxLength) {
                out.add(concat(current));
                current.clear();
                length = 0;
            }
            current.add(r);
            length += r.length();
        }
        if (!current.isEmpty()) {
            out.add(concat(current));
        }
        return out;
    }

    private static Row concat(List<Row> rows) {
        int n = rows.stream().mapToInt(Row::length).sum();
        int[] t = new int[n];
        boolean[] l = new boolean[n];
        int k = 0;
        for (Row r : rows) {
            System.arraycopy(r.tokens(), 0, t, k, r.length());
            System.arraycopy(r.learn(), 0, l, k, r.length());
            k += r.length();
        }
        return new Row(t, l);
    }

    /** {@code [inputs (B,T) int32, labels (B,T) int32, mask (B,T) float32]} in {@code manager}. */
    public static NDList batch(NDManager manager, List<Row> rows, int padId) {
        int b = rows.size();
        int t = rows.stream().mapToInt(Row::length).max().orElseThrow() - 1;
        int[] inputs = new int[b * t];
        int[] labels = new int[b * t];
        float[] mask = new float[b * t];
        java.util.Arrays.fill(inputs, padId);
        java.util.Arrays.fill(labels, padId);
        for (int i = 0; i < b; i++) {
            Row r = rows.get(i);
            for (int j = 0; j < r.length() - 1; j++) {
                inputs[i * t + j] = r.tokens()[j];
                labels[i * t + j] = r.tokens()[j + 1];
                mask[i * t + j] = r.learn()[j + 1] ? 1f : 0f;
            }
        }
        Shape shape = new Shape(b, t);
        NDArray in = NativeArrays.of(manager, inputs, shape);
        NDArray lab = NativeArrays.of(manager, labels, shape);
        NDArray m = NativeArrays.of(manager, mask, shape);
        return new NDList(in, lab, m);
    }
}
