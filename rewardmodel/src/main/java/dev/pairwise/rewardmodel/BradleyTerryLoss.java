package dev.pairwise.rewardmodel;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.pairwise.policy.align.LogSigmoid;
import org.jspecify.annotations.Nullable;
import dev.pairwise.policy.model.NativeArrays;

/**
 * The reward model's pairwise loss under the Bradley–Terry model {@code P(y_w ≻ y_l) = σ(r_w − r_l)}
 * (Ouyang et al. 2022, "Training language models to follow instructions with human feedback",
 * eq. 1): {@code −log σ(r_w − r_l − m)} with an optional per-pair margin {@code m} (Llama 2), plus
 * TRL's optional centering term {@code c·mean((r_w + r_l)²)} that keeps rewards near zero
 * (Eisenstein et al. 2023; TRL {@code center_rewards_coefficient}, 0.01 when used).
 *
 * <p>InstructGPT puts all {@code K(K−1)/2} pairs of one ranking in one batch element and averages
 * over them: otherwise each response would be seen K−1 times in an epoch and the model overfits.
 * Here every pair names its group, the loss is averaged within each group and then over groups.
 */
public final class BradleyTerryLoss {

    private BradleyTerryLoss() {
    }

    /**
     * The grouped loss.
     *
     * @param rewards scalar reward of every scored response in the batch, shape {@code [N]}
     * @param winners index into {@code rewards} of each pair's preferred response, {@code [P]}
     * @param losers index of each pair's other response, {@code [P]}
     * @param groups group (judgment) of each pair, {@code 0..G−1}, every group non-empty
     * @param margins per-pair margin, or null for none
     * @param centeringCoefficient 0 for none, 0.01 in TRL's recipe
     */
    public static NDArray loss(NDArray rewards, int[] winners, int[] losers, int[] groups,
            float @Nullable [] margins, float centeringCoefficient) {
        int p = winners.length;
        if (p == 0 || losers.length != p || groups.length != p || (margins != null && margins.length != p)) {
            throw new IllegalArgumentException("winners, losers, groups (and margins) must be non-empty and of equal length");
        }
        if (centeringCoefficient < 0f) {
            throw new IllegalArgumentException("centeringCoefficient must be >= 0, got " + centeringCoefficient);
        }
        NDManager manager = rewards.getManager();
        float[] weights = groupWeights(groups);
        NDArray rw = rewards.gather(NativeArrays.of(manager, toLong(winners)), 0);
        NDArray rl = rewards.gather(NativeArrays.of(manager, toLong(losers)), 0);
        NDArray diff = rw.sub(rl);
        if (margins != null) {
            diff = diff.sub(NativeArrays.of(manager, margins));
        }
        NDArray loss = LogSigmoid.of(diff).neg().mul(NativeArrays.of(manager, weights)).sum();
        if (centeringCoefficient > 0f) {
            loss = loss.add(NativeArrays.mul(rw.add(rl).square().mean(), centeringCoefficient));
        }
        return loss;
    }

    /** Each pair's weight {@code 1/(G·|group|)}, so the sum is the mean over groups of group means. */
    static float[] groupWeights(int[] groups) {
        int g = 0;
        for (int x : groups) {
            if (x < 0) {
                throw new IllegalArgumentException("group ids must be >= 0, got " + x);
            }
            g = Math.max(g, x + 1);
        }
        int[] sizes = new int[g];
        for (int x : groups) {
            sizes[x]++;
        }
        for (int i = 0; i < g; i++) {
            if (sizes[i] == 0) {
                throw new IllegalArgumentException("group ids must be dense 0..G-1; group " + i + " is empty");
            }
        }
        float[] w = new float[groups.length];
        for (int i = 0; i < groups.length; i++) {
            w[i] = 1f / (g * sizes[groups[i]]);
        }
        return w;
    }

    private static long[] toLong(int[] xs) {
        long[] out = new long[xs.length];
        for (int i = 0; i < xs.length; i++) {
            out[i] = xs[i];
        }
        return out;
    }
}
