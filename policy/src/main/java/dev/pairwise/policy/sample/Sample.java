package dev.pairwise.policy.sample;

/**
 * One generated continuation of one prompt.
 *
 * @param promptIndex  index of the prompt in the request
 * @param sampleIndex  which of the K samples of that prompt ({@code 0..K-1})
 * @param tokenIds     the generated ids, the stop token included when there was one (PPO and
 *                     the reward model score the sequence the policy actually produced)
 * @param text         decoded text of the generated ids without the stop token
 * @param finishReason why generation ended
 */
public record Sample(int promptIndex, int sampleIndex, int[] tokenIds, String text, FinishReason finishReason) {

    /** Number of generated tokens, the stop token included. */
    public int tokenCount() {
        return tokenIds.length;
    }
}
