package dev.pairwise.app.quality;

import dev.pairwise.labeling.quality.LabelerJudgment;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Reads one judgment as at most one trial of each bias test, so that a labeler's trials are
 * independent (one per judgment) and a binomial test with their count is sound; expanding a
 * K-response ranking into its K·(K−1)/2 pairs would count one decision several times.
 * <ul>
 * <li>Position: the first-shown (leftmost) response against the second-shown one; a success when
 * the first is ranked above the second. A tie is no trial. Where the project randomises the order
 * (the default), position says nothing about quality, so a careful labeler succeeds half the
 * time.</li>
 * <li>Length: the task's longest response against its shortest (by characters); a success when
 * the longer is ranked above. No trial when several responses share the greatest or the smallest
 * length, or when the labeler ties the two.</li>
 * </ul>
 */
final class BiasTrials {

    private BiasTrials() {
    }

    /** Whether the first-shown response was ranked above the second-shown; null when there is no trial. */
    static @Nullable Boolean firstShownWins(LabelerJudgment j) {
        if (j.presentedOrder().size() < 2) {
            return null;
        }
        return above(tierOf(j.tiers()), j.presentedOrder().get(0), j.presentedOrder().get(1));
    }

    /** Whether the longest response was ranked above the shortest; null when there is no trial. */
    static @Nullable Boolean longerWins(LabelerJudgment j, Map<Long, Integer> lengths) {
        Long longest = null;
        Long shortest = null;
        int max = Integer.MIN_VALUE;
        int min = Integer.MAX_VALUE;
        int atMax = 0;
        int atMin = 0;
        for (Long id : j.presentedOrder()) {
            Integer len = lengths.get(id);
            if (len == null) {
                return null;
            }
            if (len > max) {
                max = len;
                longest = id;
                atMax = 1;
            } else if (len == max) {
                atMax++;
            }
            if (len < min) {
                min = len;
                shortest = id;
                atMin = 1;
            } else if (len == min) {
                atMin++;
            }
        }
        if (longest == null || shortest == null || max == min || atMax > 1 || atMin > 1) {
            return null;
        }
        return above(tierOf(j.tiers()), longest, shortest);
    }

    private static @Nullable Boolean above(Map<Long, Integer> tierOf, long a, long b) {
        Integer ta = tierOf.get(a);
        Integer tb = tierOf.get(b);
        if (ta == null || tb == null || ta.equals(tb)) {
            return null;
        }
        return ta < tb;
    }

    private static Map<Long, Integer> tierOf(List<List<Long>> tiers) {
        Map<Long, Integer> out = new HashMap<>();
        for (int t = 0; t < tiers.size(); t++) {
            for (Long id : tiers.get(t)) {
                out.put(id, t);
            }
        }
        return out;
    }
}
