package dev.pairwise.app.agreement;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Kendall's τ-b between two tier rankings, over the responses both rank:
 * (concordant − discordant) / √((n0 − tiesA)·(n0 − tiesB)), where n0 is the number of response
 * pairs and tiesA, tiesB the pairs each ranking ties. A pair tied by either ranking is neither
 * concordant nor discordant.
 */
final class KendallTauB {

    private KendallTauB() {
    }

    /** τ-b, or NaN when undefined: fewer than two common responses, or one ranking ties them all. */
    static double between(Map<Long, Integer> tierOfA, Map<Long, Integer> tierOfB) {
        List<Long> common = new ArrayList<>();
        for (Long id : tierOfA.keySet()) {
            if (tierOfB.containsKey(id)) {
                common.add(id);
            }
        }
        long pairs = 0;
        long tiesA = 0;
        long tiesB = 0;
        long concordant = 0;
        long discordant = 0;
        for (int i = 0; i < common.size(); i++) {
            for (int j = i + 1; j < common.size(); j++) {
                int a = Integer.compare(tierOfA.get(common.get(i)), tierOfA.get(common.get(j)));
                int b = Integer.compare(tierOfB.get(common.get(i)), tierOfB.get(common.get(j)));
                pairs++;
                if (a == 0) {
                    tiesA++;
                }
                if (b == 0) {
                    tiesB++;
                }
                if (a != 0 && b != 0) {
                    if (a == b) {
                        concordant++;
                    } else {
                        discordant++;
                    }
                }
            }
        }
        double denominator = Math.sqrt((double) (pairs - tiesA) * (pairs - tiesB));
        return denominator == 0 ? Double.NaN : (concordant - discordant) / denominator;
    }
}
