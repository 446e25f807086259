package dev.pairwise.policy.train;

/** Receives progress from {@link Pretrainer#run}; called on the training thread. */
public interface TrainingListener {

    /** After every optimizer step. */
    void onStep(TrainingProgress progress);

    /** After every evaluation. */
    default void onEval(EvalResult result) {
    }

    /** Does nothing. */
    TrainingListener NONE = progress -> { };
}
