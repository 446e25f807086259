package dev.pairwise.policy.train;

/**
 * Mean loss over {@code evalIters} random batches of each split, after {@code step} steps.
 *
 * @param step      steps done when evaluated
 * @param trainLoss mean cross-entropy on training batches
 * @param valLoss   mean cross-entropy on held-out batches
 */
public record EvalResult(int step, double trainLoss, double valLoss) {
}
