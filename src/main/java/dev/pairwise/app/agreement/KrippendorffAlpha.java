package dev.pairwise.app.agreement;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Krippendorff's α for nominal data by the coincidence-matrix method of Krippendorff,
 * "Computing Krippendorff's Alpha-Reliability" (2011): each unit with m ≥ 2 values adds
 * 1/(m − 1) to o(c, k) for every ordered pair of its values from different coders; n(c) are the
 * row sums, n their total, and α = 1 − (n − 1) · Σ_{c≠k} o(c, k) / Σ_{c≠k} n(c)·n(k). Units
 * with fewer than two values are not pairable and are left out. The sums are additive over
 * units, so values can be added unit by unit.
 */
final class KrippendorffAlpha<V> {

    private final Map<V, Map<V, Double>> coincidences = new HashMap<>();
    private long pairableUnits;

    /** Adds one unit: the values its coders gave it (one per coder; a missing value is simply absent). */
    void addUnit(Collection<V> values) {
        int m = values.size();
        if (m < 2) {
            return;
        }
        pairableUnits++;
        Map<V, Integer> counts = new HashMap<>();
        for (V v : values) {
            counts.merge(v, 1, Integer::sum);
        }
        for (Map.Entry<V, Integer> c : counts.entrySet()) {
            for (Map.Entry<V, Integer> k : counts.entrySet()) {
                // ordered pairs of different coders: c·(c−1) within a value, c·k across values
                double pairs = c.getKey().equals(k.getKey())
                        ? (double) c.getValue() * (c.getValue() - 1) : (double) c.getValue() * k.getValue();
                coincidences.computeIfAbsent(c.getKey(), x -> new HashMap<>()).merge(k.getKey(), pairs / (m - 1),
                        Double::sum);
            }
        }
    }

    /** Units with at least two values. */
    long pairableUnits() {
        return pairableUnits;
    }

    /** α, or NaN when it is undefined: no pairable unit, or only one value ever used (no expected disagreement). */
    double alpha() {
        Map<V, Double> marginals = new HashMap<>();
        double observed = 0;
        for (Map.Entry<V, Map<V, Double>> row : coincidences.entrySet()) {
            for (Map.Entry<V, Double> cell : row.getValue().entrySet()) {
                marginals.merge(row.getKey(), cell.getValue(), Double::sum);
                if (!row.getKey().equals(cell.getKey())) {
                    observed += cell.getValue();
                }
            }
        }
        double n = marginals.values().stream().mapToDouble(Double::doubleValue).sum();
        List<Double> nc = List.copyOf(marginals.values());
        double expected = 0;
        for (int c = 0; c < nc.size(); c++) {
            for (int k = 0; k < nc.size(); k++) {
                if (c != k) {
                    expected += nc.get(c) * nc.get(k);
                }
            }
        }
        if (n == 0 || expected == 0) {
            return Double.NaN;
        }
        return 1 - (n - 1) * observed / expected;
    }
}
