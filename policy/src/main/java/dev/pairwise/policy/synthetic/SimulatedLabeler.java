package dev.pairwise.policy.synthetic;

import dev.pairwise.policy.data.pairs.PreferenceGroup;
import dev.pairwise.policy.data.pairs.Turn;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/**
 * A simulated labeler: ranks K responses by the oracle's score plus Gaussian noise (people agree
 * with each other only about 73% of the time, InstructGPT §4), ties allowed. Identical texts get
 * identical noise (a person sees they are the same) and so always tie; responses whose noisy
 * scores differ by at most {@code tieThreshold} share a tier.
 */
public final class SimulatedLabeler {

    private final double noise;
    private final double tieThreshold;

    /**
     * @param noise standard deviation of the Gaussian added to each oracle score (0 = perfect)
     * @param tieThreshold largest gap in noisy score that still counts as a tie (0 = only equal)
     */
    public SimulatedLabeler(double noise, double tieThreshold) {
        if (!(noise >= 0) || !(tieThreshold >= 0)) {
            throw new IllegalArgumentException("noise and tieThreshold must be >= 0, got " + noise + ", " + tieThreshold);
        }
        this.noise = noise;
        this.tieThreshold = tieThreshold;
    }

    /** Tiers of response indices, best first; within a tier, indices ascend. */
    public List<List<Integer>> rank(SyntheticTask task, List<String> responses, Random rng) {
        Map<String, Double> noisy = new HashMap<>();
        double[] s = new double[responses.size()];
        for (int i = 0; i < s.length; i++) {
            String text = responses.get(i).strip();
            s[i] = noisy.computeIfAbsent(text, t -> Oracle.score(task, t) + noise * rng.nextGaussian());
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < s.length; i++) {
            order.add(i);
        }
        order.sort(Comparator.comparingDouble((Integer i) -> -s[i]).thenComparing(i -> i));
        List<List<Integer>> tiers = new ArrayList<>();
        List<Integer> tier = new ArrayList<>();
        for (int k = 0; k < order.size(); k++) {
            int i = order.get(k);
            if (!tier.isEmpty() && s[order.get(k - 1)] - s[i] > tieThreshold) {
                tiers.add(List.copyOf(tier.stream().sorted().toList()));
                tier = new ArrayList<>();
            }
            tier.add(i);
        }
        if (!tier.isEmpty()) {
            tiers.add(List.copyOf(tier.stream().sorted().toList()));
        }
        return tiers;
    }

    /** The judgment as a preference group; empty when every response ties (nothing to learn). */
    public Optional<PreferenceGroup> judge(SyntheticTask task, List<String> responses, Random rng) {
        List<List<Integer>> tiers = rank(task, responses, rng);
        if (tiers.size() < 2) {
            return Optional.empty();
        }
        return Optional.of(PreferenceGroup.fromTiers(Turn.user(task.prompt()), responses, tiers));
    }
}
