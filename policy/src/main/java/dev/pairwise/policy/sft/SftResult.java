package dev.pairwise.policy.sft;

/**
 * The outcome of an SFT run.
 *
 * @param steps          optimizer steps done in total
 * @param trainLoss      mean response-token loss of the last step
 * @param valLoss        response-token loss on the held-out demonstrations (NaN without any)
 * @param cancelled      stopped by the cancel signal before the last step
 * @param truncated      examples that lost tokens to the context limit (prompt cut from the left)
 */
public record SftResult(int steps, double trainLoss, double valLoss, boolean cancelled, int truncated) {
}
