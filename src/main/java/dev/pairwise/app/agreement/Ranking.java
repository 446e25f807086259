package dev.pairwise.app.agreement;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One labeler's ranking of one task's responses: tiers of response ids, best first; responses in
 * one tier are tied.
 */
public record Ranking(long taskId, String labeler, List<List<Long>> tiers) {

    public Ranking {
        if (labeler == null || labeler.isBlank()) {
            throw new IllegalArgumentException("task " + taskId + ": the labeler is missing");
        }
        tiers = tiers.stream().map(List::copyOf).toList();
        if (positions(tiers).size() != tiers.stream().mapToInt(List::size).sum()) {
            throw new IllegalArgumentException("task " + taskId + ", labeler " + labeler
                    + ": a response appears twice in the tiers " + tiers);
        }
    }

    /** Each ranked response's tier index (0 = best). */
    Map<Long, Integer> tierOf() {
        return positions(tiers);
    }

    private static Map<Long, Integer> positions(List<List<Long>> tiers) {
        Map<Long, Integer> tier = new HashMap<>();
        for (int t = 0; t < tiers.size(); t++) {
            for (Long id : tiers.get(t)) {
                tier.put(id, t);
            }
        }
        return tier;
    }
}
