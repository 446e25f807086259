package dev.pairwise.policy.align;

import java.util.Map;

/**
 * Receives progress from an alignment trainer, on the training thread: after every optimizer
 * step and after every evaluation, with metrics under the field's names (TRL's where it has them).
 */
public interface AlignListener {

    /** After optimizer step {@code step} (1-based) of {@code totalSteps}. */
    void onStep(int step, int totalSteps, Map<String, Double> metrics);

    /** After an evaluation on held-out data. */
    default void onEval(int step, Map<String, Double> metrics) {
    }

    /** Does nothing. */
    AlignListener NONE = (step, total, metrics) -> { };
}
