package dev.pairwise.rewardmodel;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Held-out metrics of a reward model over preference pairs: accuracy (share of pairs with
 * {@code r_w > r_l}; ties count half, as a coin flip would score), mean/min/max reward over all
 * scored responses, and mean margin {@code r_w − r_l}. InstructGPT's 6B RM reached 69.6% on
 * held-out labelers; people agree with each other about 73% of the time.
 */
public record RewardMetrics(int pairs, double accuracy, double meanReward, double minReward, double maxReward,
        double meanMargin) {

    /** Metrics of pairs given as the rewards of their chosen and rejected responses. */
    public static RewardMetrics of(float[] chosen, float[] rejected) {
        if (chosen.length != rejected.length) {
            throw new IllegalArgumentException("chosen and rejected differ in length");
        }
        int n = chosen.length;
        if (n == 0) {
            return new RewardMetrics(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        double correct = 0;
        double margin = 0;
        double sum = 0;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            float d = chosen[i] - rejected[i];
            correct += d > 0 ? 1 : d == 0 ? 0.5 : 0;
            margin += d;
            sum += chosen[i] + rejected[i];
            min = Math.min(min, Math.min(chosen[i], rejected[i]));
            max = Math.max(max, Math.max(chosen[i], rejected[i]));
        }
        return new RewardMetrics(n, correct / n, sum / (2.0 * n), min, max, margin / n);
    }

    /**
     * The 95% interval of the accuracy under the normal approximation, {@code p ± 1.96·√(p(1−p)/n)}
     * (Wald), clipped to [0, 1]: {@code {low, high}}; NaN without pairs.
     */
    public double[] ci95() {
        double half = 1.96 * Math.sqrt(accuracy * (1 - accuracy) / pairs);
        return new double[] {Math.max(0, accuracy - half), Math.min(1, accuracy + half)};
    }

    /** The metrics under the names the trainers log. */
    public Map<String, Double> asMap() {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("accuracy", accuracy);
        m.put("rewards/mean", meanReward);
        m.put("rewards/min", minReward);
        m.put("rewards/max", maxReward);
        m.put("rewards/margin", meanMargin);
        m.put("pairs", (double) pairs);
        return m;
    }
}
