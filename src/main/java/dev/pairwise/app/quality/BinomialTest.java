package dev.pairwise.app.quality;

/**
 * The exact two-sided binomial test: the probability, under X ~ Binomial(n, p0), of an outcome at
 * most as likely as the one observed, P = Σ { P(X = i) : P(X = i) ≤ P(X = k) }. This is the
 * "minimum likelihood" two-sided p-value of R's {@code binom.test} (Clopper and Pearson's exact
 * test; the same relative tolerance of 1e-7 when comparing likelihoods), so results can be
 * checked against R. The probabilities are computed in log space (log-gamma by Lanczos), so
 * counts of many thousands do not underflow.
 */
public final class BinomialTest {

    /** R's {@code binom.test} counts outcomes within this relative distance of P(X = k) as equally likely. */
    private static final double RELATIVE_TOLERANCE = 1 + 1e-7;

    private BinomialTest() {
    }

    /**
     * The two-sided p-value of {@code successes} in {@code trials} against success probability
     * {@code p0}; 1 when there are no trials.
     *
     * @throws IllegalArgumentException for counts outside 0..trials or p0 outside [0, 1]
     */
    public static double twoSided(long successes, long trials, double p0) {
        if (trials < 0 || successes < 0 || successes > trials) {
            throw new IllegalArgumentException("need 0 <= successes <= trials, got " + successes + " of " + trials);
        }
        if (!(p0 >= 0 && p0 <= 1)) {
            throw new IllegalArgumentException("p0 must lie in [0, 1], was " + p0);
        }
        if (trials == 0) {
            return 1;
        }
        if (p0 == 0 || p0 == 1) {
            long expected = p0 == 0 ? 0 : trials;
            return successes == expected ? 1 : 0;
        }
        double observed = logPmf(successes, trials, p0);
        double total = 0;
        for (long i = 0; i <= trials; i++) {
            double lp = logPmf(i, trials, p0);
            if (lp <= observed + Math.log(RELATIVE_TOLERANCE)) {
                total += Math.exp(lp);
            }
        }
        return Math.min(1, total);
    }

    static double logPmf(long k, long n, double p) {
        return logGamma(n + 1.0) - logGamma(k + 1.0) - logGamma(n - k + 1.0)
                + k * Math.log(p) + (n - k) * Math.log1p(-p);
    }

    private static final double[] LANCZOS = {
            0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
            -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6,
            1.5056327351493116e-7};

    /** ln Γ(x) for x ≥ 1, by the Lanczos approximation (g = 7, nine terms; relative error ~1e-15). */
    static double logGamma(double x) {
        double z = x - 1;
        double sum = LANCZOS[0];
        for (int i = 1; i < LANCZOS.length; i++) {
            sum += LANCZOS[i] / (z + i);
        }
        double t = z + 7.5;
        return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(sum);
    }
}
