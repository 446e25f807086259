/*
 * Rotary position embedding (Su et al. 2021, "RoFormer"): rotate each pair of query/key
 * features by an angle proportional to the position, so that q_m · k_n depends on m - n only.
 * Pairs are (i, i + d/2) — the "rotate_half" layout of GPT-NeoX and Hugging Face LLaMA — rather
 * than the paper's interleaved (2i, 2i+1); the two are a fixed permutation of each other.
 */
package dev.pairwise.policy.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import org.jspecify.annotations.Nullable;

/** Rotary tables and their application. */
final class Rope {

    private Rope() {
    }

    /**
     * cos and sin tables, each {@code positions × headSize} row-major, the angle of feature
     * {@code i} and {@code i + half} at position {@code p} being {@code p · theta^(-i/half)}.
     */
    static float[][] tables(int positions, int headSize, double theta) {
        return tables(positions, headSize, theta, null);
    }

    /** As {@link #tables(int, int, double)}, with each inverse frequency scaled by {@code scaling} when set. */
    static float[][] tables(int positions, int headSize, double theta, @Nullable RopeScaling scaling) {
        int half = headSize / 2;
        float[] c = new float[positions * headSize];
        float[] s = new float[positions * headSize];
        for (int pos = 0; pos < positions; pos++) {
            for (int i = 0; i < half; i++) {
                double unscaled = 1.0 / Math.pow(theta, (double) i / half);
                float invFreq = (float) (scaling == null ? unscaled : scaling.scale(unscaled));
                float angle = (float) pos * invFreq;
                c[pos * headSize + i] = c[pos * headSize + i + half] = (float) Math.cos(angle);
                s[pos * headSize + i] = s[pos * headSize + i + half] = (float) Math.sin(angle);
            }
        }
        return new float[][] {c, s};
    }

    /** {@code x·cos + rotate_half(x)·sin} over the last axis; tables broadcast over leading axes. */
    static NDArray apply(NDArray x, NDArray cos, NDArray sin) {
        int last = x.getShape().dimension() - 1;
        NDList halves = x.split(2, last);
        NDArray rotated = NDArrays.concat(new NDList(halves.get(1).neg(), halves.get(0)), last);
        return x.mul(cos).add(rotated.mul(sin));
    }
}
