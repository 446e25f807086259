package dev.pairwise.policy.align;

import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.IntSupplier;
import java.util.function.Supplier;

/**
 * The loop that SFT, DPO and reward-model training share: one optimizer step at a time until the
 * step budget is spent, the cancel flag checked before every step, progress reported after each,
 * and a held-out evaluation every {@code evalInterval} steps. The evaluation of the final model
 * is left to the caller, which knows what its result record holds.
 */
public final class StepLoop {

    private StepLoop() {
    }

    /**
     * Runs the loop.
     *
     * @param step       the trainer's completed-step counter (advanced by {@code trainStep})
     * @param trainStep  one optimizer step; returns its metrics
     * @param evaluate   held-out metrics, already named as the listener should see them
     * @return true when {@code cancel} stopped the loop before the budget was spent
     */
    public static boolean run(IntSupplier step, int totalSteps, Supplier<Map<String, Double>> trainStep,
                              int evalInterval, Supplier<Map<String, Double>> evaluate,
                              AlignListener listener, BooleanSupplier cancel) {
        while (step.getAsInt() < totalSteps) {
            if (cancel.getAsBoolean()) {
                return true;
            }
            Map<String, Double> metrics = trainStep.get();
            int done = step.getAsInt();
            listener.onStep(done, totalSteps, metrics);
            if (evalInterval > 0 && done % evalInterval == 0 && done < totalSteps) {
                listener.onEval(done, evaluate.get());
            }
        }
        return false;
    }
}
