package dev.pairwise.app.quality;

/**
 * One labeler's trials of one bias and its test: {@code successes} of {@code trials} against the
 * success probability {@code p0} expected without the bias, two-sided exact binomial
 * ({@link BinomialTest}); {@code pAdjusted} after Holm's correction over the whole table
 * ({@link Holm}). Without trials both p-values are NaN.
 */
public record BiasTest(long trials, long successes, double p0, double p, double pAdjusted) {

    /** successes / trials, NaN without trials. */
    public double rate() {
        return trials == 0 ? Double.NaN : (double) successes / trials;
    }

    static BiasTest of(long successes, long trials, double p0) {
        return new BiasTest(trials, successes, p0, trials == 0 ? Double.NaN : BinomialTest.twoSided(successes, trials, p0),
                Double.NaN);
    }

    BiasTest adjusted(double pAdjusted) {
        return new BiasTest(trials, successes, p0, p, pAdjusted);
    }

    /** Significant at {@code alpha} after the correction. */
    boolean significant(double alpha) {
        return !Double.isNaN(pAdjusted) && pAdjusted < alpha;
    }
}
