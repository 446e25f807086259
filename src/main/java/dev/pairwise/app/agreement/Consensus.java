package dev.pairwise.app.agreement;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The consensus ranking of a group of labelers on one task: each response's mean rank over the
 * labelers that ranked it, where a response's rank in one labeler's tiers is its tier's mid-rank
 * (responses above it plus the mean of the positions its tier spans, as for tied ranks in
 * statistics: tiers [[a], [b, c]] give a 1, b and c 2.5); responses are ordered by mean rank,
 * best first, and responses with exactly equal means share a tier. With one labeler the
 * consensus is that labeler's ranking.
 */
final class Consensus {

    private Consensus() {
    }

    /** The consensus tiers, as response id → tier index (0 = best). */
    static Map<Long, Integer> of(Collection<Ranking> rankings) {
        // doubled mid-ranks are integers: 2·before + size + 1
        Map<Long, long[]> sumAndCount = new HashMap<>();
        for (Ranking r : rankings) {
            int before = 0;
            for (List<Long> tier : r.tiers()) {
                long doubled = 2L * before + tier.size() + 1;
                for (Long id : tier) {
                    long[] s = sumAndCount.computeIfAbsent(id, x -> new long[2]);
                    s[0] += doubled;
                    s[1]++;
                }
                before += tier.size();
            }
        }
        List<Long> ids = new ArrayList<>(sumAndCount.keySet());
        // exact comparison of means sumA/countA vs sumB/countB by cross-multiplying
        ids.sort((x, y) -> meanOrder(sumAndCount.get(x), sumAndCount.get(y)));
        Map<Long, Integer> tierOf = new HashMap<>();
        int tier = -1;
        for (int i = 0; i < ids.size(); i++) {
            if (i == 0 || meanOrder(sumAndCount.get(ids.get(i - 1)), sumAndCount.get(ids.get(i))) != 0) {
                tier++;
            }
            tierOf.put(ids.get(i), tier);
        }
        return tierOf;
    }

    private static int meanOrder(long[] a, long[] b) {
        return Long.compare(a[0] * b[1], b[0] * a[1]);
    }
}
