package dev.pairwise.policy.train;

/**
 * One optimizer step as logged in {@code metrics.json}.
 *
 * @param step     1-based step number
 * @param loss     training loss (mean over micro-batches)
 * @param lr       learning rate used
 * @param gradNorm global gradient norm before clipping
 */
public record StepRecord(int step, double loss, double lr, double gradNorm) {
}
