package dev.pairwise.labeling.project;

/**
 * What an admin sets on a project. Checked by {@link ProjectService}, which names the bad field.
 *
 * @param name                  unique, shown to labelers
 * @param guidelines            markdown shown beside every task (may be empty)
 * @param k                     most responses per task, 2..9 (nine still fit side by side)
 * @param overlap               judgments wanted per task; 1 by default, more to measure agreement
 * @param randomizeOrder        shuffle responses per labeler, against position bias
 * @param labelersMayWriteDemos labelers may write SFT demonstrations in this project
 * @param leaseMinutes          how long a handed-out task stays reserved for its labeler
 */
public record ProjectSettings(String name, String guidelines, int k, int overlap, boolean randomizeOrder,
                              boolean labelersMayWriteDemos, int leaseMinutes) {

    /** Overlap 1: one judgment per task unless agreement is to be measured. */
    public static final int DEFAULT_OVERLAP = 1;
    /** 30 minutes: long enough to read four long answers, short enough that a closed tab frees the task. */
    public static final int DEFAULT_LEASE_MINUTES = 30;

    /** Settings with the defaults: K=4, overlap 1, randomized order, 30-minute leases. */
    public static ProjectSettings defaults(String name, String guidelines) {
        return new ProjectSettings(name, guidelines, 4, DEFAULT_OVERLAP, true, false, DEFAULT_LEASE_MINUTES);
    }
}
