package dev.pairwise.policy.align;

import java.util.List;

/**
 * Statistics over the tokens of a rollout batch: whitening of advantages ({@code (x − μ)/σ},
 * as in OpenAI's baselines and TRL's {@code masked_whiten}) and the explained variance of the
 * value head ({@code 1 − Var(R − V)/Var(R)}, 1 = perfect, 0 = no better than the mean).
 */
public final class Whitening {

    private static final double EPS = 1e-8;

    private Whitening() {
    }

    /**
     * Whitens all values of all sequences together (the statistics span the batch); returns new
     * arrays of the same shapes. With {@code shiftMean} false the mean is added back.
     */
    public static List<float[]> whiten(List<float[]> values, boolean shiftMean) {
        double sum = 0;
        long n = 0;
        for (float[] v : values) {
            for (float x : v) {
                sum += x;
                n++;
            }
        }
        if (n == 0) {
            return values.stream().map(float[]::clone).toList();
        }
        double mean = sum / n;
        double sq = 0;
        for (float[] v : values) {
            for (float x : v) {
                sq += (x - mean) * (x - mean);
            }
        }
        // Unbiased variance as torch.var (TRL's masked_var applies Bessel's correction too).
        double var = n > 1 ? sq / (n - 1) : 0;
        double scale = 1.0 / Math.sqrt(var + EPS);
        return values.stream().map(v -> {
            float[] out = new float[v.length];
            for (int i = 0; i < v.length; i++) {
                double w = (v[i] - mean) * scale;
                out[i] = (float) (shiftMean ? w : w + mean);
            }
            return out;
        }).toList();
    }

    /** {@code 1 − Var(returns − values) / Var(returns)} over all tokens; NaN when returns are constant. */
    public static double explainedVariance(List<float[]> values, List<float[]> returns) {
        if (values.size() != returns.size()) {
            throw new IllegalArgumentException("values and returns differ in sequence count");
        }
        double[] diff = new double[count(returns)];
        double[] ret = new double[diff.length];
        int k = 0;
        for (int s = 0; s < values.size(); s++) {
            float[] v = values.get(s);
            float[] r = returns.get(s);
            if (v.length != r.length) {
                throw new IllegalArgumentException("sequence " + s + ": values and returns differ in length");
            }
            for (int i = 0; i < r.length; i++) {
                diff[k] = r[i] - v[i];
                ret[k++] = r[i];
            }
        }
        double varReturns = variance(ret);
        return varReturns == 0 ? Double.NaN : 1.0 - variance(diff) / varReturns;
    }

    private static int count(List<float[]> xs) {
        int n = 0;
        for (float[] x : xs) {
            n += x.length;
        }
        return n;
    }

    private static double variance(double[] xs) {
        if (xs.length == 0) {
            return 0;
        }
        double mean = 0;
        for (double x : xs) {
            mean += x;
        }
        mean /= xs.length;
        double sq = 0;
        for (double x : xs) {
            sq += (x - mean) * (x - mean);
        }
        return sq / xs.length;
    }
}
