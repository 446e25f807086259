package dev.pairwise.app.aijudge;

import dev.pairwise.labeling.ai.AiOutcome;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Reconciles a judge's two answers on one task — responses shown in the stored order and in the
 * reverse order — into one verdict, to cancel position bias (a judge that prefers "the first
 * response" contradicts itself across the two orders). Pure.
 * <ul>
 * <li>An unreadable answer in either order: {@link AiOutcome#ABSTAIN}.</li>
 * <li>Both orders give the same ranking (of response ids): {@link AiOutcome#RANKED}, that ranking.</li>
 * <li>They differ on some pair (one says a over b, the other b over a, or one ties what the other
 * orders): under {@link OnDisagreement#ABSTAIN} no verdict; under {@link OnDisagreement#TIE}
 * ({@link AiOutcome#TIE}) every disagreeing pair is tied and the pairs both orders agree on keep
 * their order where the tiers allow. The tiers are the responses sorted by the sum of their tier
 * indexes in the two answers; the tiers between the two members of a disagreeing pair are merged.
 * So every strict pair of the result is one both answers rank the same way, and every
 * disagreeing pair is a tie. For K = 2 that is simply a tie.</li>
 * </ul>
 */
public final class BothOrders {

    /** What disagreeing orders count as, by the job's setting. */
    public enum OnDisagreement { TIE, ABSTAIN }

    /**
     * The verdict of one task.
     *
     * @param forward  the first answer's ranking as response ids (null when unreadable)
     * @param reversed the second answer's ranking as response ids (null when unreadable)
     * @param tiers    the ranking to store; null for ABSTAIN
     * @param reason   why it is a tie or an abstention; null for RANKED
     */
    public record Verdict(AiOutcome outcome, @Nullable List<List<Long>> forward, @Nullable List<List<Long>> reversed,
                          @Nullable List<List<Long>> tiers, @Nullable String reason) {
    }

    private BothOrders() {
    }

    /**
     * @param forwardOrder  response ids as shown in the first asking (position 1 first)
     * @param forwardRead   what the first answer said, in positions
     * @param reversedOrder response ids as shown in the second asking
     * @param reversedRead  what the second answer said
     */
    public static Verdict reconcile(List<Long> forwardOrder, RankingAnswer.Read forwardRead, List<Long> reversedOrder,
                                    RankingAnswer.Read reversedRead, OnDisagreement onDisagreement) {
        List<List<Long>> forward = forwardRead.ok() ? ids(forwardOrder, forwardRead.tiers()) : null;
        List<List<Long>> reversed = reversedRead.ok() ? ids(reversedOrder, reversedRead.tiers()) : null;
        if (forward == null || reversed == null) {
            String reason = forward == null ? "first order: " + forwardRead.reason() : "";
            if (reversed == null) {
                reason += (reason.isEmpty() ? "" : "; ") + "reversed order: " + reversedRead.reason();
            }
            return new Verdict(AiOutcome.ABSTAIN, forward, reversed, null, reason);
        }
        Map<Long, Integer> f = tierOf(forward);
        Map<Long, Integer> r = tierOf(reversed);
        List<long[]> disagreeing = new ArrayList<>();
        for (int i = 0; i < forwardOrder.size(); i++) {
            for (int j = i + 1; j < forwardOrder.size(); j++) {
                long a = forwardOrder.get(i);
                long b = forwardOrder.get(j);
                if (Integer.signum(f.get(a) - f.get(b)) != Integer.signum(r.get(a) - r.get(b))) {
                    disagreeing.add(new long[]{a, b});
                }
            }
        }
        if (disagreeing.isEmpty()) {
            return new Verdict(AiOutcome.RANKED, forward, reversed, forward, null);
        }
        int pairs = forwardOrder.size() * (forwardOrder.size() - 1) / 2;
        String reason = "the two orders disagree on " + disagreeing.size() + " of " + pairs + " pair"
                + (pairs == 1 ? "" : "s");
        if (onDisagreement == OnDisagreement.ABSTAIN) {
            return new Verdict(AiOutcome.ABSTAIN, forward, reversed, null, reason);
        }
        return new Verdict(AiOutcome.TIE, forward, reversed, tied(forwardOrder, f, r, disagreeing),
                reason + "; those are tied");
    }

    private static List<List<Long>> tied(List<Long> order, Map<Long, Integer> f, Map<Long, Integer> r,
                                         List<long[]> disagreeing) {
        List<Long> sorted = new ArrayList<>(order);
        sorted.sort(Comparator.comparingInt(id -> f.get(id) + r.get(id)));
        // Tiers by equal sums, as the index of each response's first tier.
        Map<Long, Integer> tier = new HashMap<>();
        int t = -1;
        Integer previous = null;
        for (Long id : sorted) {
            int sum = f.get(id) + r.get(id);
            if (previous == null || sum != previous) {
                t++;
                previous = sum;
            }
            tier.put(id, t);
        }
        int tiers = t + 1;
        // mergeNext[i]: tier i and tier i+1 become one.
        boolean[] mergeNext = new boolean[tiers];
        for (long[] pair : disagreeing) {
            int lo = Math.min(tier.get(pair[0]), tier.get(pair[1]));
            int hi = Math.max(tier.get(pair[0]), tier.get(pair[1]));
            for (int i = lo; i < hi; i++) {
                mergeNext[i] = true;
            }
        }
        List<List<Long>> out = new ArrayList<>();
        List<Long> current = new ArrayList<>();
        for (int i = 0; i < tiers; i++) {
            for (Long id : sorted) {
                if (tier.get(id) == i) {
                    current.add(id);
                }
            }
            if (!mergeNext[i]) {
                out.add(List.copyOf(current));
                current = new ArrayList<>();
            }
        }
        return List.copyOf(out);
    }

    private static List<List<Long>> ids(List<Long> shown, List<List<Integer>> positions) {
        return positions.stream().map(tier -> tier.stream().map(p -> shown.get(p - 1)).toList()).toList();
    }

    private static Map<Long, Integer> tierOf(List<List<Long>> tiers) {
        Map<Long, Integer> out = new HashMap<>();
        for (int i = 0; i < tiers.size(); i++) {
            for (Long id : tiers.get(i)) {
                out.put(id, i);
            }
        }
        return out;
    }
}
