package dev.pairwise.app.agreement;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * How far labelers agree on a project's rankings. A unit is (task, unordered response pair
 * {a, b}); a labeler's value for it is "first better", "second better" or "tie", read from their
 * tiers (first = the smaller response id; a labeler who did not rank both has no value).
 * <ul>
 * <li>{@code pairwiseAgreement}: over every two labelers who judged the same task and every
 * response pair both ranked strictly (neither tied it), the fraction where their directions
 * agree.</li>
 * <li>{@code krippendorffAlpha}: Krippendorff's α, nominal, over those units and values, coders =
 * labelers; units with fewer than two values are left out (see {@link KrippendorffAlpha}).</li>
 * <li>{@code kendallTauB}: the mean over (task, two labelers who judged it) of Kendall's τ-b
 * between their tier rankings of the task's responses; a (task, pair of labelers) where τ-b is
 * undefined (one of them tied every response) is left out of the mean.</li>
 * <li>{@code units}: the units with at least two values (those α counts); {@code labelers}: the
 * distinct labelers among the rankings.</li>
 * </ul>
 * Per labeler L ({@link LabelerAgreement}), the same three numbers with two coders, L and the
 * leave-one-out consensus of the others, over the tasks L judged together with at least one other
 * labeler. The consensus of the others on a task is the ranking by their mean mid-rank
 * ({@link Consensus}): each response's rank in one labeler's tiers is its tier's mid-rank
 * (tiers [[a], [b, c]] rank a 1, b and c 2.5); responses are ordered by the mean of these ranks
 * over the other labelers, best first, and responses with exactly equal means are tied. With one
 * other labeler the consensus is that labeler's ranking.
 * <p>
 * A number with nothing to count (no strictly ranked pair in common, no pairable unit, only one
 * value ever used for α, no defined τ-b) is NaN, and null in {@link #asMap()}.
 */
public record Agreement(double pairwiseAgreement, double krippendorffAlpha, double kendallTauB, long units,
                        int labelers, List<LabelerAgreement> perLabeler) {

    /** One labeler against the leave-one-out consensus of the others; {@code tasks} they shared with others. */
    public record LabelerAgreement(String labeler, int tasks, long units, double pairwiseAgreement,
                                   double krippendorffAlpha, double kendallTauB) {
    }

    /**
     * The agreement of the given rankings, in any order.
     *
     * @throws IllegalArgumentException when one labeler ranks one task twice
     */
    public static Agreement of(Collection<Ranking> rankings) {
        Map<Long, Map<String, Ranking>> byTask = new TreeMap<>();
        for (Ranking r : rankings) {
            Ranking before = byTask.computeIfAbsent(r.taskId(), t -> new TreeMap<>()).put(r.labeler(), r);
            if (before != null) {
                throw new IllegalArgumentException("task " + r.taskId() + " is ranked twice by labeler '"
                        + r.labeler() + "'");
            }
        }
        Tally all = new Tally();
        Map<String, Tally> perLabeler = new TreeMap<>();
        for (Map<String, Ranking> task : byTask.values()) {
            all.addTask(task.values().stream().map(Ranking::tierOf).toList());
            for (Ranking own : task.values()) {
                List<Ranking> others = task.values().stream().filter(o -> o != own).toList();
                Tally mine = perLabeler.computeIfAbsent(own.labeler(), l -> new Tally());
                if (!others.isEmpty()) {
                    mine.addTask(List.of(own.tierOf(), Consensus.of(others)));
                }
            }
        }
        List<LabelerAgreement> labelers = new ArrayList<>();
        perLabeler.forEach((name, t) -> labelers.add(new LabelerAgreement(name, t.tasks(), t.units(),
                t.pairwiseAgreement(), t.krippendorffAlpha(), t.kendallTauB())));
        return new Agreement(all.pairwiseAgreement(), all.krippendorffAlpha(), all.kendallTauB(), all.units(),
                perLabeler.size(), List.copyOf(labelers));
    }

    /**
     * The JSON shape the API answers and the {@code agreement} command prints: {@code
     * pairwise_agreement, krippendorff_alpha, kendall_tau_b, units, labelers, per_labeler} (each
     * {@code labeler, tasks, units} and the three numbers); NaN as null.
     */
    public Map<String, @Nullable Object> asMap() {
        Map<String, @Nullable Object> out = new LinkedHashMap<>();
        out.put("pairwise_agreement", number(pairwiseAgreement));
        out.put("krippendorff_alpha", number(krippendorffAlpha));
        out.put("kendall_tau_b", number(kendallTauB));
        out.put("units", units);
        out.put("labelers", labelers);
        List<Map<String, @Nullable Object>> each = new ArrayList<>();
        for (LabelerAgreement l : perLabeler) {
            Map<String, @Nullable Object> m = new LinkedHashMap<>();
            m.put("labeler", l.labeler());
            m.put("tasks", l.tasks());
            m.put("units", l.units());
            m.put("pairwise_agreement", number(l.pairwiseAgreement()));
            m.put("krippendorff_alpha", number(l.krippendorffAlpha()));
            m.put("kendall_tau_b", number(l.kendallTauB()));
            each.add(m);
        }
        out.put("per_labeler", each);
        return out;
    }

    private static @Nullable Double number(double d) {
        return Double.isNaN(d) ? null : d;
    }
}
