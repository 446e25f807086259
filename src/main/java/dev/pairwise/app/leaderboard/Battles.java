package dev.pairwise.app.leaderboard;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Turns a stored ranking into leaderboard battles: every two responses that came from different
 * systems (checkpoints or imported systems) and were ranked together make one battle, won by the
 * one in the better tier, a tie when they share a tier. Responses with no system (written by
 * people) take no part, nor do two responses of one system.
 *
 * <p>Simplification: a K-wise ranking yields up to K·(K−1)/2 battles that share a labeler and a
 * prompt, so they are not independent as Arena's one-battle-per-vote are; the bootstrap over
 * battles then understates the spread; {@link BradleyTerry#bootstrapByGroup} with one group per
 * judgment resamples whole judgments instead.
 */
public final class Battles {

    private Battles() {
    }

    /**
     * @param tiers    response ids, best tier first; ids in one tier are tied
     * @param systemOf the system that produced each response; ids absent from it are skipped
     */
    public static List<Battle> fromRanking(List<List<Long>> tiers, Map<Long, String> systemOf) {
        List<Battle> battles = new ArrayList<>();
        for (int t = 0; t < tiers.size(); t++) {
            List<Long> tier = tiers.get(t);
            for (int i = 0; i < tier.size(); i++) {
                for (int j = i + 1; j < tier.size(); j++) {
                    add(battles, systemOf.get(tier.get(i)), systemOf.get(tier.get(j)), Battle.Outcome.TIE);
                }
                for (int u = t + 1; u < tiers.size(); u++) {
                    for (long worse : tiers.get(u)) {
                        add(battles, systemOf.get(tier.get(i)), systemOf.get(worse), Battle.Outcome.A);
                    }
                }
            }
        }
        return battles;
    }

    private static void add(List<Battle> out, @Nullable String a, @Nullable String b, Battle.Outcome outcome) {
        if (a != null && b != null && !a.equals(b)) {
            out.add(new Battle(a, b, outcome));
        }
    }
}
