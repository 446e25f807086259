package dev.pairwise.app.agreement;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A labeler's value for a unit (task, unordered response pair {a, b}), where "first" is the
 * response with the smaller id: which of the two the labeler's tiers put higher, or a tie.
 */
enum PairValue {
    FIRST_BETTER, SECOND_BETTER, TIE;

    /** The value read from tier indexes (smaller is better); null when either response is unranked. */
    static @Nullable PairValue of(Map<Long, Integer> tierOf, long first, long second) {
        Integer a = tierOf.get(first);
        Integer b = tierOf.get(second);
        if (a == null || b == null) {
            return null;
        }
        return a < b ? FIRST_BETTER : a > b ? SECOND_BETTER : TIE;
    }
}
