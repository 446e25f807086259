package dev.pairwise.app.ui;

import dev.pairwise.labeling.judgment.ResponseFlag;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A blind battle's verdict and how it is stored: as an ordinary judgment of a two-response task,
 * so the preference pairs, the agreement figures and the leaderboard all see it.
 *
 * <ul>
 *   <li>A or B: two tiers, the winner first (one preference pair).
 *   <li>Tie: one shared tier (no pair; half a win each on the leaderboard).
 *   <li>Both bad: also one shared tier, with both responses flagged LOW_QUALITY. It is not the
 *       judgment's {@code allBad}: that one means "here is a better answer I wrote", which a
 *       battle does not ask for. For the leaderboard both-bad is a tie, as in Chatbot Arena; the
 *       flags keep the difference for anyone who reads the ratings.
 * </ul>
 */
enum BattleVerdict {
    A, B, TIE, BOTH_BAD;

    /** The tiers for responses shown as A ({@code presented[0]}) and B ({@code presented[1]}). */
    List<List<Long>> tiers(List<Long> presented) {
        long a = presented.get(0);
        long b = presented.get(1);
        return switch (this) {
            case A -> List.of(List.of(a), List.of(b));
            case B -> List.of(List.of(b), List.of(a));
            case TIE, BOTH_BAD -> List.of(List.of(a, b));
        };
    }

    /** The flags stored with the verdict: LOW_QUALITY on both for BOTH_BAD, none otherwise. */
    Map<Long, Set<ResponseFlag>> flags(List<Long> presented) {
        if (this != BOTH_BAD) {
            return Map.of();
        }
        return Map.of(presented.get(0), Set.of(ResponseFlag.LOW_QUALITY), presented.get(1),
                Set.of(ResponseFlag.LOW_QUALITY));
    }
}
