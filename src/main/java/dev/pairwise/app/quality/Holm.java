package dev.pairwise.app.quality;

import java.util.Arrays;
import java.util.Comparator;

/**
 * Holm's step-down correction for testing many hypotheses at once (S. Holm, "A Simple
 * Sequentially Rejective Multiple Test Procedure", Scand. J. Statist. 6, 1979): with the m
 * p-values sorted ascending, the i-th (from 0) is adjusted to max over j ≤ i of min(1, (m − j)·p_j).
 * Rejecting where the adjusted value is below α keeps the chance of any false flag at most α under
 * any dependence between the tests, as Bonferroni does, and flags at least as much as Bonferroni.
 */
public final class Holm {

    private Holm() {
    }

    /** The adjusted p-values, in the order given; NaN entries (no test) stay NaN and do not count in m. */
    public static double[] adjust(double[] p) {
        Integer[] order = new Integer[p.length];
        int m = 0;
        for (int i = 0; i < p.length; i++) {
            order[i] = i;
            if (!Double.isNaN(p[i])) {
                m++;
            }
        }
        Arrays.sort(order, Comparator.comparingDouble((Integer i) -> Double.isNaN(p[i]) ? Double.POSITIVE_INFINITY : p[i]));
        double[] adjusted = new double[p.length];
        Arrays.fill(adjusted, Double.NaN);
        double running = 0;
        for (int rank = 0; rank < m; rank++) {
            int i = order[rank];
            running = Math.max(running, Math.min(1, (m - rank) * p[i]));
            adjusted[i] = running;
        }
        return adjusted;
    }
}
