package dev.pairwise.policy.align;

import java.util.Random;

/**
 * Deterministic orders: the permutation of epoch {@code e} depends only on (seed, e), so a run
 * resumed from a checkpoint at any step sees exactly the batches a straight run would.
 */
public final class Shuffle {

    private Shuffle() {
    }

    /** A permutation of {@code 0..n−1} for {@code (seed, stream)}. */
    public static int[] permutation(int n, long seed, long stream) {
        Random rng = new Random(seed * 0x9E3779B97F4A7C15L + stream);
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        return p;
    }

    /** Splits {@code n} items into (train, validation) index sets with {@code valFraction} held out. */
    public static int[][] split(int n, double valFraction, long seed) {
        int[] p = permutation(n, seed, -1);
        int val = (int) Math.round(n * valFraction);
        if (valFraction > 0 && val == 0 && n > 1) {
            val = 1;
        }
        int[] v = java.util.Arrays.copyOfRange(p, 0, val);
        int[] t = java.util.Arrays.copyOfRange(p, val, n);
        java.util.Arrays.sort(v);
        java.util.Arrays.sort(t);
        return new int[][] {t, v};
    }
}
