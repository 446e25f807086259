package dev.pairwise.rewardmodel;

/**
 * The outcome of a reward-model run.
 *
 * @param steps            optimizer steps done
 * @param trainLoss        Bradley–Terry loss of the last step
 * @param heldOut          held-out metrics (accuracy, rewards, margin); pairs 0 without a split
 * @param cancelled        stopped by the cancel signal
 * @param skippedIdentical pairs dropped because both responses were the same text
 * @param truncated        responses whose prompt was cut from the left to fit the context
 */
public record RewardResult(int steps, double trainLoss, RewardMetrics heldOut, boolean cancelled,
        int skippedIdentical, int truncated) {
}
