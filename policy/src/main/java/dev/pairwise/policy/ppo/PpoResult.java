package dev.pairwise.policy.ppo;

import java.util.Map;

/**
 * The outcome of a PPO run.
 *
 * @param iterations  rollout rounds done
 * @param last        metrics of the last round (score, kl, beta, entropy, clipfrac, approxkl, ratio,
 *                    loss/value, loss/policy, val/explained_variance)
 * @param cancelled   stopped by the cancel signal
 * @param truncated   prompts cut from the left to leave room for a response
 */
public record PpoResult(int iterations, Map<String, Double> last, boolean cancelled, int truncated) {
}
