package dev.pairwise.corpus.flink;

import org.apache.flink.api.common.functions.RuntimeContext;

/** Registers (or finds) this task's instance of an accumulator. */
final class Accumulators {

    private Accumulators() {
    }

    static CountMap countMap(RuntimeContext context, String name) {
        Object found = context.getAccumulator(name);
        if (found instanceof CountMap existing) {
            return existing;
        }
        CountMap map = new CountMap();
        context.addAccumulator(name, map);
        return map;
    }

    static Examples examples(RuntimeContext context, String stage, int limit) {
        String name = Counters.EXAMPLES + stage;
        Object found = context.getAccumulator(name);
        if (found instanceof Examples existing) {
            return existing;
        }
        Examples examples = new Examples(limit);
        context.addAccumulator(name, examples);
        return examples;
    }
}
