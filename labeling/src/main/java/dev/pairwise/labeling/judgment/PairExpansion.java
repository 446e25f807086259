package dev.pairwise.labeling.judgment;

import java.util.ArrayList;
import java.util.List;

/**
 * Expands a ranking into preference pairs. Tiers are best first; every response in a higher
 * tier is preferred over every response in a lower one, with margin = tier distance. Responses
 * in the same tier tie: no pair, as in InstructGPT (Ouyang et al., 2022, §3.5), where K ranked
 * responses yield up to K·(K−1)/2 comparisons. Pure: no I/O, no state.
 */
public final class PairExpansion {

    private PairExpansion() {
    }

    /** Pairs in tier order: for each tier from best, each of its members over every lower one. */
    public static List<RankedPair> expand(List<List<Long>> tiers) {
        List<RankedPair> pairs = new ArrayList<>();
        for (int hi = 0; hi < tiers.size(); hi++) {
            for (int lo = hi + 1; lo < tiers.size(); lo++) {
                for (long chosen : tiers.get(hi)) {
                    for (long rejected : tiers.get(lo)) {
                        pairs.add(new RankedPair(chosen, rejected, lo - hi));
                    }
                }
            }
        }
        return pairs;
    }
}
