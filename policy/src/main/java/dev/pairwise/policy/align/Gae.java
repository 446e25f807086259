package dev.pairwise.policy.align;

/**
 * Generalized Advantage Estimation (Schulman et al. 2016, "High-Dimensional Continuous Control
 * Using Generalized Advantage Estimation", eq. 16) over one response:
 * {@code δ_t = r_t + γ·V_{t+1} − V_t}, {@code A_t = δ_t + γλ·A_{t+1}}, with {@code V_T = 0} after
 * the last token (the episode ends with the response), and returns {@code R_t = A_t + V_t}, the
 * value head's regression target. Plain float arrays: this runs once per rollout, outside the graph.
 */
public final class Gae {

    private Gae() {
    }

    /** Advantages and returns of one sequence. */
    public record Result(float[] advantages, float[] returns) {
    }

    /** GAE over {@code rewards[t]}, {@code values[t]} (same length) with discount γ and trace λ. */
    public static Result compute(float[] rewards, float[] values, float gamma, float lambda) {
        if (rewards.length != values.length) {
            throw new IllegalArgumentException("rewards and values differ in length: "
                    + rewards.length + " vs " + values.length);
        }
        if (gamma < 0f || gamma > 1f || lambda < 0f || lambda > 1f) {
            throw new IllegalArgumentException("gamma and lambda must be in [0, 1], got " + gamma + ", " + lambda);
        }
        int n = rewards.length;
        float[] advantages = new float[n];
        float[] returns = new float[n];
        float next = 0f;
        float nextValue = 0f;
        for (int t = n - 1; t >= 0; t--) {
            float delta = rewards[t] + gamma * nextValue - values[t];
            next = delta + gamma * lambda * next;
            advantages[t] = next;
            returns[t] = next + values[t];
            nextValue = values[t];
        }
        return new Result(advantages, returns);
    }

    /**
     * Per-token rewards of RLHF (Ziegler et al. 2019, eq. 2; InstructGPT eq. 2): the KL penalty
     * {@code −β·(log π − log π_ref)} at every token and the reward model's score added at the last.
     */
    public static float[] klPenalisedRewards(float score, float[] logProbs, float[] refLogProbs, float beta) {
        if (logProbs.length != refLogProbs.length || logProbs.length == 0) {
            throw new IllegalArgumentException("log-prob arrays must be non-empty and of equal length");
        }
        float[] rewards = new float[logProbs.length];
        for (int t = 0; t < rewards.length; t++) {
            rewards[t] = -beta * (logProbs[t] - refLogProbs[t]);
        }
        rewards[rewards.length - 1] += score;
        return rewards;
    }
}
