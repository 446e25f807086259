/*
 * Picks the next token from one row of logits: temperature, then top-k (Fan et al. 2018), then
 * nucleus / top-p truncation (Holtzman et al. 2020, "The Curious Case of Neural Text
 * Degeneration", section 3.1: keep the smallest prefix of the sorted distribution whose mass
 * reaches p, renormalise, draw). Plain Java on float[] in double precision, so the draw is a
 * pure function of (logits, config, random state) and tests can check it by hand.
 */
package dev.pairwise.policy.sample;

import java.util.Arrays;
import java.util.random.RandomGenerator;

/** Token choice for one row of logits; every method is a pure function of its arguments. */
final class TokenChooser {

    private TokenChooser() {
    }

    /**
     * The next token: argmax when {@link SamplingConfig#isGreedy()}, otherwise one draw from
     * {@link #distribution} using {@code rng}.
     */
    static int choose(float[] logits, SamplingConfig config, RandomGenerator rng) {
        if (config.isGreedy()) {
            return argmax(logits);
        }
        return draw(distribution(logits, config.temperature(), config.topK(), config.topP()), rng);
    }

    /** Index of the largest logit; ties go to the lowest index. NaN logits are never chosen. */
    static int argmax(float[] logits) {
        int best = -1;
        for (int i = 0; i < logits.length; i++) {
            if (!Float.isNaN(logits[i]) && (best < 0 || logits[i] > logits[best])) {
                best = i;
            }
        }
        if (best < 0) {
            throw new IllegalStateException("all " + logits.length + " logits are NaN");
        }
        return best;
    }

    /**
     * Softmax of {@code logits / temperature} restricted by top-k ({@code topK} 0 = off) and
     * top-p ({@code topP} 1 = off), renormalised to sum 1. Ties at a cut keep the lower ids.
     */
    static double[] distribution(float[] logits, double temperature, int topK, double topP) {
        if (!(temperature > 0)) {
            throw new IllegalArgumentException("temperature must be > 0 for a distribution, got " + temperature);
        }
        double max = Double.NEGATIVE_INFINITY;
        for (float l : logits) {
            max = Math.max(max, l);
        }
        if (max == Double.NEGATIVE_INFINITY || Double.isNaN(max)) {
            throw new IllegalStateException("logits have no finite maximum");
        }
        double[] p = new double[logits.length];
        double sum = 0;
        for (int i = 0; i < logits.length; i++) {
            p[i] = Math.exp((logits[i] - max) / temperature);
            sum += p[i];
        }
        for (int i = 0; i < p.length; i++) {
            p[i] /= sum;
        }
        boolean cutK = topK > 0 && topK < p.length;
        boolean cutP = topP < 1;
        if (cutK || cutP) {
            int[] order = descending(p);
            int keep = cutK ? topK : p.length;
            if (cutP) {
                keep = Math.min(keep, nucleusSize(p, order, topP, keep));
            }
            double kept = 0;
            for (int r = 0; r < order.length; r++) {
                if (r < keep) {
                    kept += p[order[r]];
                } else {
                    p[order[r]] = 0;
                }
            }
            for (int i = 0; i < p.length; i++) {
                p[i] /= kept;
            }
        }
        return p;
    }

    /**
     * Size of the nucleus: the fewest top tokens (among the first {@code limit} of {@code order})
     * whose mass, renormalised over those {@code limit}, reaches {@code topP}; at least 1.
     */
    static int nucleusSize(double[] p, int[] order, double topP, int limit) {
        double total = 0;
        for (int r = 0; r < limit; r++) {
            total += p[order[r]];
        }
        double cumulative = 0;
        for (int r = 0; r < limit; r++) {
            cumulative += p[order[r]] / total;
            if (cumulative >= topP - 1e-12) {
                return r + 1;
            }
        }
        return limit;
    }

    /** Inverse-CDF draw from a distribution that sums to 1 (zeros are never drawn). */
    static int draw(double[] p, RandomGenerator rng) {
        double u = rng.nextDouble();
        double cumulative = 0;
        int last = -1;
        for (int i = 0; i < p.length; i++) {
            if (p[i] > 0) {
                cumulative += p[i];
                last = i;
                if (u < cumulative) {
                    return i;
                }
            }
        }
        return last; // rounding left u just above the total: the last token with mass
    }

    /** Indices of {@code p} by decreasing value; ties (equal in float precision) by increasing index. */
    static int[] descending(double[] p) {
        // Sort packed (value, index) keys: for non-negative doubles the bit pattern orders like the
        // value. Sorting primitives avoids boxing a vocabulary's worth of Integers per token.
        long[] keys = new long[p.length];
        for (int i = 0; i < p.length; i++) {
            long bits = Float.floatToIntBits((float) p[i]) & 0x7fffffffL;
            keys[i] = (bits << 32) | (0xffffffffL - i);
        }
        Arrays.sort(keys);
        int[] order = new int[p.length];
        for (int r = 0; r < order.length; r++) {
            order[r] = (int) (0xffffffffL - (keys[order.length - 1 - r] & 0xffffffffL));
        }
        return order;
    }
}
