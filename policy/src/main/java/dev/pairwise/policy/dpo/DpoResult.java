package dev.pairwise.policy.dpo;

import java.util.Map;

/**
 * The outcome of a DPO run.
 *
 * @param steps            optimizer steps done
 * @param trainLoss        loss of the last step
 * @param eval             held-out metrics under TRL's names prefixed {@code eval_} (empty without a split)
 * @param cancelled        stopped by the cancel signal
 * @param skippedIdentical pairs dropped because chosen and rejected were the same text
 * @param truncated        pairs whose prompt was cut from the left to fit the context
 */
public record DpoResult(int steps, double trainLoss, Map<String, Double> eval, boolean cancelled,
        int skippedIdentical, int truncated) {
}
