package dev.pairwise.labeling.judgment;

/**
 * One comparison implied by a ranking.
 *
 * @param chosen   the better response's id
 * @param rejected the worse response's id
 * @param margin   how many tiers apart they were ranked (at least 1)
 */
public record RankedPair(long chosen, long rejected, int margin) {

    public RankedPair {
        if (margin < 1) {
            throw new IllegalArgumentException("margin must be at least 1, was " + margin);
        }
        if (chosen == rejected) {
            throw new IllegalArgumentException("a response cannot be preferred over itself: " + chosen);
        }
    }
}
