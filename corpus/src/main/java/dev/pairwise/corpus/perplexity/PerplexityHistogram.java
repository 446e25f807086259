package dev.pairwise.corpus.perplexity;

import java.io.Serializable;

/**
 * Counts of documents by log-perplexity in bins of {@value #BIN} nats from 0 to {@value #MAX_LOG}:
 * a percentile of a corpus of any size in {@value #BINS} longs of memory, exact to 0.1% of the
 * perplexity (one bin). Perplexities below 1 count in the first bin, above e^{@value #MAX_LOG} in
 * the last; NaN (a document too short to score) is not counted.
 */
public final class PerplexityHistogram implements Serializable {

    private static final long serialVersionUID = 1L;
    static final double BIN = 0.001;
    static final double MAX_LOG = 30;
    static final int BINS = (int) (MAX_LOG / BIN);

    private final long[] counts = new long[BINS];
    private long total;

    /** Counts one document's perplexity. */
    public void add(double perplexity) {
        if (Double.isNaN(perplexity)) {
            return;
        }
        counts[bin(perplexity)]++;
        total++;
    }

    /** Adds another histogram's counts to this one. */
    public void merge(PerplexityHistogram other) {
        for (int i = 0; i < BINS; i++) {
            counts[i] += other.counts[i];
        }
        total += other.total;
    }

    /** The number of documents counted. */
    public long total() {
        return total;
    }

    /**
     * The smallest bin's upper edge (a perplexity) at or below which at least {@code percentile}% of
     * the counted documents lie; +∞ for 100 or an empty histogram.
     */
    public double percentile(double percentile) {
        if (!(percentile > 0 && percentile <= 100)) {
            throw new IllegalArgumentException("percentile must be in (0, 100], was " + percentile);
        }
        if (percentile == 100 || total == 0) {
            return Double.POSITIVE_INFINITY;
        }
        long need = (long) Math.ceil(total * percentile / 100);
        long seen = 0;
        for (int i = 0; i < BINS; i++) {
            seen += counts[i];
            if (seen >= need) {
                return Math.exp((i + 1) * BIN);
            }
        }
        return Double.POSITIVE_INFINITY;
    }

    static int bin(double perplexity) {
        double log = Math.log(Math.max(1.0, perplexity));
        return (int) Math.min(BINS - 1, Math.floor(log / BIN));
    }
}
