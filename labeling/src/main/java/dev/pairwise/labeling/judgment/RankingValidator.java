package dev.pairwise.labeling.judgment;

import dev.pairwise.labeling.InvalidInputException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Checks that a ranking covers the task's responses exactly: each once, none missing, none
 * foreign, no empty tier. Pure; errors name the field ({@code tiers} or {@code presentedOrder}).
 */
public final class RankingValidator {

    private RankingValidator() {
    }

    /** Throws {@link InvalidInputException} naming {@code tiers} unless tiers partition {@code responseIds}. */
    public static void validateTiers(List<Long> responseIds, List<List<Long>> tiers) {
        if (tiers == null || tiers.isEmpty()) {
            throw new InvalidInputException("tiers", "tiers must rank the task's responses");
        }
        Set<Long> expected = new HashSet<>(responseIds);
        Set<Long> seen = new HashSet<>();
        for (int t = 0; t < tiers.size(); t++) {
            List<Long> tier = tiers.get(t);
            if (tier == null || tier.isEmpty()) {
                throw new InvalidInputException("tiers", "tier " + (t + 1) + " is empty");
            }
            for (Long id : tier) {
                if (id == null || !expected.contains(id)) {
                    throw new InvalidInputException("tiers", "response " + id + " is not part of this task");
                }
                if (!seen.add(id)) {
                    throw new InvalidInputException("tiers", "response " + id + " is ranked more than once");
                }
            }
        }
        if (seen.size() != expected.size()) {
            Set<Long> missing = new HashSet<>(expected);
            missing.removeAll(seen);
            throw new InvalidInputException("tiers", "the ranking omits response(s) " + missing);
        }
    }

    /** The presented order must be a permutation of the task's responses. */
    public static void validateOrder(List<Long> responseIds, List<Long> presentedOrder) {
        if (presentedOrder == null || presentedOrder.size() != responseIds.size()
                || !new HashSet<>(presentedOrder).equals(new HashSet<>(responseIds))) {
            throw new InvalidInputException("presentedOrder",
                    "presentedOrder must list each of the task's " + responseIds.size() + " responses once");
        }
    }
}
