package dev.pairwise.corpus.flink;

import java.util.TreeMap;
import org.apache.flink.api.common.accumulators.Accumulator;

/**
 * A Flink accumulator of counts by name (languages, quality rules, cluster sizes), merged across
 * parallel instances by adding. Bounded by the number of distinct names, never by the corpus.
 */
public final class CountMap implements Accumulator<String, TreeMap<String, Long>> {

    private static final long serialVersionUID = 1L;
    private TreeMap<String, Long> counts = new TreeMap<>();

    @Override
    public void add(String name) {
        add(name, 1);
    }

    /** Adds {@code n} to {@code name}'s count. */
    public void add(String name, long n) {
        counts.merge(name, n, Long::sum);
    }

    @Override
    public TreeMap<String, Long> getLocalValue() {
        return counts;
    }

    @Override
    public void resetLocal() {
        counts = new TreeMap<>();
    }

    @Override
    public void merge(Accumulator<String, TreeMap<String, Long>> other) {
        other.getLocalValue().forEach(this::add);
    }

    @Override
    public CountMap clone() {
        CountMap copy = new CountMap();
        copy.counts = new TreeMap<>(counts);
        return copy;
    }
}
