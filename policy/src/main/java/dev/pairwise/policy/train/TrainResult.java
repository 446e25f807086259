package dev.pairwise.policy.train;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Outcome of {@link Pretrainer#run}.
 *
 * @param stepsDone       steps completed in total (including those before a resume)
 * @param cancelled       true when the run stopped early because cancellation was requested
 * @param lastLoss        training loss of the last step, NaN when no step ran
 * @param finalEval       last evaluation, null when none ran
 * @param tokensPerSecond throughput over the timed steps (the first {@link Pretrainer#TIMING_WARMUP}
 *                        steps of this session excluded, evaluation excluded), NaN if none
 * @param msPerStepMedian median wall time of a timed step in milliseconds, NaN if none
 * @param evals           every evaluation of this session, in order
 */
public record TrainResult(int stepsDone, boolean cancelled, double lastLoss, @Nullable EvalResult finalEval,
                          double tokensPerSecond, double msPerStepMedian, List<EvalResult> evals) {
}
