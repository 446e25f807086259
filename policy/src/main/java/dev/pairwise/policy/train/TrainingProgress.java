package dev.pairwise.policy.train;

import java.time.Duration;

/**
 * What the app shows after each optimizer step.
 *
 * @param step            steps done so far (1-based after the first step)
 * @param totalSteps      steps in the run
 * @param loss            training loss of this step (mean over its micro-batches)
 * @param lr              learning rate used in this step
 * @param gradNorm        global gradient norm before clipping
 * @param tokensPerSecond training throughput over the steps of this session so far
 * @param eta             estimated time to the last step at that throughput
 */
public record TrainingProgress(int step, int totalSteps, double loss, double lr, double gradNorm,
                               double tokensPerSecond, Duration eta) {
}
