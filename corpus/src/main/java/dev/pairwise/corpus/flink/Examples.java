package dev.pairwise.corpus.flink;

import java.util.ArrayList;
import java.util.Comparator;
import org.apache.flink.api.common.accumulators.Accumulator;

/**
 * A Flink accumulator keeping the {@code limit} removed documents earliest in the input: bounded,
 * and the same whatever the parallelism or the order in which workers report.
 */
public final class Examples implements Accumulator<Example, ArrayList<Example>> {

    private static final long serialVersionUID = 1L;
    private final int limit;
    private ArrayList<Example> kept = new ArrayList<>();

    public Examples(int limit) {
        this.limit = limit;
    }

    @Override
    public void add(Example example) {
        if (limit == 0) {
            return;
        }
        if (kept.size() == limit && example.key() >= kept.getLast().key()) {
            return;
        }
        kept.add(example);
        kept.sort(Comparator.comparingLong(Example::key));
        if (kept.size() > limit) {
            kept.removeLast();
        }
    }

    @Override
    public ArrayList<Example> getLocalValue() {
        return kept;
    }

    @Override
    public void resetLocal() {
        kept = new ArrayList<>();
    }

    @Override
    public void merge(Accumulator<Example, ArrayList<Example>> other) {
        other.getLocalValue().forEach(this::add);
    }

    @Override
    public Examples clone() {
        Examples copy = new Examples(limit);
        copy.kept = new ArrayList<>(kept);
        return copy;
    }
}
