package dev.pairwise.app.quality;

import dev.pairwise.app.agreement.Agreement;
import dev.pairwise.app.agreement.Ranking;
import dev.pairwise.labeling.quality.GoldAccuracy;
import dev.pairwise.labeling.quality.LabelerJudgment;
import dev.pairwise.labeling.quality.QualityData.GoldTally;
import dev.pairwise.labeling.quality.QualityData.RepeatTally;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * A project's labelers with their agreement, gold accuracy and bias tests (see {@link LabelerRow}).
 * Pure: the {@link LabelersService} reads the inputs.
 *
 * <p>Three tests per labeler, each one trial per judgment ({@link BiasTrials}), two-sided exact
 * binomial ({@link BinomialTest}):
 * <ul>
 * <li>position: against 0.5 (the order is shuffled per labeler, so position carries no quality);</li>
 * <li>length: against the rate of the other labelers, (s + 1) / (n + 2) by Laplace's rule of
 * succession so that it stays inside (0, 1). Not against 0.5: where longer answers are in fact
 * better every careful labeler prefers them, and a test against 0.5 would flag them all;</li>
 * <li>speed: the judgments faster than the other labelers' median time on task, against 0.5 (a
 * sign test on the median). Flagged only when it is significant and the labeler's median is
 * also under {@link #FAR_BELOW} of the others' — "far below", not just a little quicker.</li>
 * </ul>
 * A labeler is flagged for a test when its p-value, after Holm's step-down correction over all the
 * table's tests ({@link Holm}), is below {@link #ALPHA}. Holm rather than Bonferroni: it holds the
 * chance of flagging any careful labeler at α under any dependence between the tests, like
 * Bonferroni, while flagging at least as often as Bonferroni when biases are real. A table of 30
 * labelers runs 90 tests; uncorrected, about one careful labeler in a hundred tests would be
 * flagged by chance at 0.01. Gold: flagged below the project's minimum accuracy after
 * {@link GoldAccuracy#MIN_JUDGED} gold tasks.
 */
public record LabelersTable(Agreement agreement, List<LabelerRow> labelers) {

    /** Family-wise error rate of the flags. */
    public static final double ALPHA = 0.01;
    /** A labeler's median time on task under this share of the others' median is "far below". */
    public static final double FAR_BELOW = 0.5;

    /** The inputs of a table: what {@link LabelersService} reads of a project. */
    record Inputs(List<LabelerJudgment> judgments, Map<Long, Integer> lengths, Map<Long, GoldTally> gold,
                  Map<Long, RepeatTally> repeats, Map<Long, String> paused, double goldMinAccuracy) {
    }

    static LabelersTable of(Inputs in) {
        Map<Long, List<LabelerJudgment>> byLabeler = new TreeMap<>();
        for (LabelerJudgment j : in.judgments()) {
            byLabeler.computeIfAbsent(j.labelerId(), k -> new ArrayList<>()).add(j);
        }
        Map<String, Agreement.LabelerAgreement> agreement = new HashMap<>();
        Agreement overall = Agreement.of(in.judgments().stream()
                .map(j -> new Ranking(j.taskId(), j.labeler(), j.tiers())).toList());
        overall.perLabeler().forEach(a -> agreement.put(a.labeler(), a));

        Map<Long, long[]> longer = new HashMap<>();
        long[] allLonger = new long[2];
        for (var e : byLabeler.entrySet()) {
            long[] c = new long[2];
            for (LabelerJudgment j : e.getValue()) {
                Boolean w = BiasTrials.longerWins(j, in.lengths());
                if (w != null) {
                    c[1]++;
                    c[0] += w ? 1 : 0;
                }
            }
            longer.put(e.getKey(), c);
            allLonger[0] += c[0];
            allLonger[1] += c[1];
        }

        List<LabelerRow> rows = new ArrayList<>();
        for (var e : byLabeler.entrySet()) {
            long id = e.getKey();
            List<LabelerJudgment> own = e.getValue();
            long firstWins = 0;
            long positionTrials = 0;
            for (LabelerJudgment j : own) {
                Boolean w = BiasTrials.firstShownWins(j);
                if (w != null) {
                    positionTrials++;
                    firstWins += w ? 1 : 0;
                }
            }
            long[] l = longer.get(id);
            double lengthP0 = (allLonger[0] - l[0] + 1.0) / (allLonger[1] - l[1] + 2.0);
            List<Long> ownTimes = times(own);
            List<Long> otherTimes = times(in.judgments().stream().filter(j -> j.labelerId() != id).toList());
            Double othersMedian = median(otherTimes);
            Double ownMedian = median(ownTimes);
            long faster = 0;
            long speedTrials = 0;
            if (othersMedian != null) {
                for (long t : ownTimes) {
                    if (t != othersMedian) {
                        speedTrials++;
                        faster += t < othersMedian ? 1 : 0;
                    }
                }
            }
            GoldTally gold = in.gold().get(id);
            RepeatTally repeat = in.repeats().get(id);
            String name = own.getFirst().labeler();
            rows.add(new LabelerRow(id, name, own.size(), agreement.get(name),
                    gold == null ? 0 : gold.judged(), gold == null ? Double.NaN : gold.accuracy(),
                    BiasTest.of(firstWins, positionTrials, 0.5), BiasTest.of(l[0], l[1], lengthP0),
                    BiasTest.of(faster, speedTrials, 0.5), ownMedian == null ? null : Math.round(ownMedian),
                    ownMedian == null || othersMedian == null || othersMedian == 0 ? Double.NaN : ownMedian / othersMedian,
                    repeat == null ? 0 : repeat.checks(), repeat == null ? Double.NaN : repeat.selfConsistency(),
                    in.paused().get(id), List.of()));
        }
        return new LabelersTable(overall, flag(correct(rows), in.goldMinAccuracy()));
    }

    /** Holm's correction over every test of the table (three per labeler). */
    private static List<LabelerRow> correct(List<LabelerRow> rows) {
        double[] p = new double[rows.size() * 3];
        for (int i = 0; i < rows.size(); i++) {
            p[3 * i] = rows.get(i).position().p();
            p[3 * i + 1] = rows.get(i).length().p();
            p[3 * i + 2] = rows.get(i).speed().p();
        }
        double[] adj = Holm.adjust(p);
        List<LabelerRow> out = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            LabelerRow r = rows.get(i);
            out.add(new LabelerRow(r.labelerId(), r.labeler(), r.judgments(), r.agreement(), r.goldJudged(),
                    r.goldAccuracy(), r.position().adjusted(adj[3 * i]), r.length().adjusted(adj[3 * i + 1]),
                    r.speed().adjusted(adj[3 * i + 2]), r.medianMs(), r.speedRatio(), r.repeats(), r.selfConsistency(),
                    r.pausedReason(), r.flags()));
        }
        return out;
    }

    private static List<LabelerRow> flag(List<LabelerRow> rows, double goldMinAccuracy) {
        List<LabelerRow> out = new ArrayList<>();
        for (LabelerRow r : rows) {
            List<String> flags = new ArrayList<>();
            if (r.position().significant(ALPHA)) {
                flags.add("position");
            }
            if (r.length().significant(ALPHA)) {
                flags.add("length");
            }
            if (r.speed().significant(ALPHA) && r.speedRatio() < FAR_BELOW) {
                flags.add("speed");
            }
            if (r.goldJudged() >= GoldAccuracy.MIN_JUDGED && r.goldAccuracy() < goldMinAccuracy) {
                flags.add("gold");
            }
            out.add(new LabelerRow(r.labelerId(), r.labeler(), r.judgments(), r.agreement(), r.goldJudged(),
                    r.goldAccuracy(), r.position(), r.length(), r.speed(), r.medianMs(), r.speedRatio(),
                    r.repeats(), r.selfConsistency(), r.pausedReason(), List.copyOf(flags)));
        }
        out.sort(Comparator.comparing(LabelerRow::labeler));
        return List.copyOf(out);
    }

    /** The ids of the flagged labelers. */
    public List<Long> flaggedIds() {
        return labelers.stream().filter(LabelerRow::flagged).map(LabelerRow::labelerId).toList();
    }

    private static List<Long> times(List<LabelerJudgment> judgments) {
        return judgments.stream().map(LabelerJudgment::timeOnTaskMs).filter(t -> t != null).map(t -> (long) t).toList();
    }

    /** The middle value, the mean of the two middle ones for an even count; null for none. */
    static @Nullable Double median(List<Long> values) {
        if (values.isEmpty()) {
            return null;
        }
        List<Long> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? (double) sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2.0;
    }

    /**
     * The JSON shape of {@code GET /api/projects/{id}/labelers}: {@code alpha, correction,
     * agreement (as {@code GET .../agreement} without per_labeler), labelers: [...]}; NaN as null.
     */
    public Map<String, @Nullable Object> asMap() {
        Map<String, @Nullable Object> out = new LinkedHashMap<>();
        out.put("alpha", ALPHA);
        out.put("correction", "holm");
        Map<String, @Nullable Object> overall = agreement.asMap();
        overall.remove("per_labeler");
        out.put("agreement", overall);
        List<Map<String, @Nullable Object>> each = new ArrayList<>();
        for (LabelerRow r : labelers) {
            Map<String, @Nullable Object> m = new LinkedHashMap<>();
            m.put("labeler_id", r.labelerId());
            m.put("labeler", r.labeler());
            m.put("judgments", r.judgments());
            Agreement.LabelerAgreement a = r.agreement();
            m.put("tasks_shared", a == null ? 0 : a.tasks());
            m.put("pairwise_agreement", a == null ? null : number(a.pairwiseAgreement()));
            m.put("krippendorff_alpha", a == null ? null : number(a.krippendorffAlpha()));
            m.put("kendall_tau_b", a == null ? null : number(a.kendallTauB()));
            m.put("gold_judged", r.goldJudged());
            m.put("gold_accuracy", number(r.goldAccuracy()));
            m.put("repeats", r.repeats());
            m.put("self_consistency", number(r.selfConsistency()));
            m.put("position", test(r.position()));
            m.put("length", test(r.length()));
            Map<String, @Nullable Object> speed = test(r.speed());
            speed.put("median_ms", r.medianMs());
            speed.put("ratio_to_others", number(r.speedRatio()));
            m.put("speed", speed);
            m.put("paused", r.pausedReason() != null);
            m.put("paused_reason", r.pausedReason());
            m.put("flags", r.flags());
            m.put("flagged", r.flagged());
            each.add(m);
        }
        out.put("labelers", each);
        return out;
    }

    private static Map<String, @Nullable Object> test(BiasTest t) {
        Map<String, @Nullable Object> m = new LinkedHashMap<>();
        m.put("trials", t.trials());
        m.put("successes", t.successes());
        m.put("rate", number(t.rate()));
        m.put("p0", t.p0());
        m.put("p_value", number(t.p()));
        m.put("p_adjusted", number(t.pAdjusted()));
        return m;
    }

    private static @Nullable Double number(double d) {
        return Double.isNaN(d) ? null : d;
    }
}
