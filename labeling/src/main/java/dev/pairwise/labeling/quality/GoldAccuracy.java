package dev.pairwise.labeling.quality;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How well a labeler's ranking matches a gold task's known ranking: over the response pairs the
 * gold ranking orders strictly, the share the labeler orders the same way (a tie by the labeler
 * counts as a miss; pairs the gold ranking ties are not scored). Scored per pair rather than
 * "whole ranking right" so that one swapped neighbour among K = 4 costs 1/6, not everything: the
 * same unit as pairwise agreement. Pure.
 */
public final class GoldAccuracy {

    /** Gold tasks a labeler must have judged before a low accuracy flags them: fewer is mostly noise. */
    public static final int MIN_JUDGED = 5;

    private GoldAccuracy() {
    }

    /** Matching and scored pairs of one labeler ranking against the gold ranking. */
    public record Score(long matching, long scored) {

        public Score plus(Score other) {
            return new Score(matching + other.matching, scored + other.scored);
        }

        /** matching / scored, NaN when nothing was scored. */
        public double accuracy() {
            return scored == 0 ? Double.NaN : (double) matching / scored;
        }
    }

    /** Scores {@code labeler}'s tiers against {@code gold}'s; responses missing from either are not scored. */
    public static Score score(List<List<Long>> gold, List<List<Long>> labeler) {
        Map<Long, Integer> g = tierOf(gold);
        Map<Long, Integer> l = tierOf(labeler);
        List<Long> ids = g.keySet().stream().filter(l::containsKey).sorted().toList();
        long matching = 0;
        long scored = 0;
        for (int i = 0; i < ids.size(); i++) {
            for (int j = i + 1; j < ids.size(); j++) {
                int expected = Integer.compare(g.get(ids.get(i)), g.get(ids.get(j)));
                if (expected != 0) {
                    scored++;
                    if (Integer.compare(l.get(ids.get(i)), l.get(ids.get(j))) == expected) {
                        matching++;
                    }
                }
            }
        }
        return new Score(matching, scored);
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
