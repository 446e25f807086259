package dev.pairwise.corpus.flink;

import org.apache.flink.api.common.accumulators.LongCounter;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * A pass keyed by document key before the writer: in batch execution Flink feeds a keyed operator
 * its input sorted by the key's serialised bytes — for non-negative longs (big-endian) that is
 * ascending order — so with parallelism 1 the documents come out in input order, whatever the
 * parallelism before. Counts the documents written.
 */
final class InInputOrder extends KeyedProcessFunction<Long, Doc, Doc> {

    private static final long serialVersionUID = 1L;
    private transient LongCounter docsOut;

    @Override
    public void open(OpenContext context) {
        docsOut = getRuntimeContext().getLongCounter(Counters.DOCS_OUT);
    }

    @Override
    public void processElement(Doc doc, Context context, Collector<Doc> out) {
        docsOut.add(1L);
        out.collect(doc);
    }
}
