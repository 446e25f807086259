package dev.pairwise.app.agreement;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The running sums of the three agreement numbers over tasks, each task given as the tier
 * rankings (response id → tier index) of the coders that judged it. All three are sums over
 * tasks, so a task is added once and forgotten.
 */
final class Tally {

    private final KrippendorffAlpha<PairValue> alpha = new KrippendorffAlpha<>();
    private long strictComparisons;
    private long agreeing;
    private double tauSum;
    private long tauCount;
    private int tasks;

    /** Adds one task judged by the given coders (at least two for anything to count). */
    void addTask(List<Map<Long, Integer>> coders) {
        if (coders.size() < 2) {
            return;
        }
        tasks++;
        TreeSet<Long> responses = new TreeSet<>();
        coders.forEach(c -> responses.addAll(c.keySet()));
        List<Long> ids = List.copyOf(responses);
        for (int a = 0; a < ids.size(); a++) {
            for (int b = a + 1; b < ids.size(); b++) {
                List<PairValue> values = new ArrayList<>();
                for (Map<Long, Integer> coder : coders) {
                    PairValue v = PairValue.of(coder, ids.get(a), ids.get(b));
                    if (v != null) {
                        values.add(v);
                    }
                }
                alpha.addUnit(values);
                for (int i = 0; i < values.size(); i++) {
                    for (int j = i + 1; j < values.size(); j++) {
                        if (values.get(i) != PairValue.TIE && values.get(j) != PairValue.TIE) {
                            strictComparisons++;
                            if (values.get(i) == values.get(j)) {
                                agreeing++;
                            }
                        }
                    }
                }
            }
        }
        for (int i = 0; i < coders.size(); i++) {
            for (int j = i + 1; j < coders.size(); j++) {
                double tau = KendallTauB.between(coders.get(i), coders.get(j));
                if (!Double.isNaN(tau)) {
                    tauSum += tau;
                    tauCount++;
                }
            }
        }
    }

    int tasks() {
        return tasks;
    }

    double pairwiseAgreement() {
        return strictComparisons == 0 ? Double.NaN : (double) agreeing / strictComparisons;
    }

    double krippendorffAlpha() {
        return alpha.alpha();
    }

    double kendallTauB() {
        return tauCount == 0 ? Double.NaN : tauSum / tauCount;
    }

    long units() {
        return alpha.pairableUnits();
    }
}
