package dev.pairwise.corpus.flink;

import dev.pairwise.corpus.text.ExactHash;
import org.apache.flink.api.common.accumulators.LongCounter;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichReduceFunction;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Exact deduplication as a keyed reduce on the normal-form hash: in batch execution Flink sorts
 * by key (spilling to disk), so a worker holds one document per key at a time, and only each key's
 * final value — the earliest document, with the number of copies — comes out.
 */
final class ExactDedup {

    static final String NAME = "exact_dedup";

    private ExactDedup() {
    }

    static DataStream<Doc> apply(DataStream<Doc> docs, int examplesLimit) {
        return docs.map(d -> {
                    d.hash = ExactHash.of(d.text);
                    d.copies = 1;
                    return d;
                }).returns(Doc.class).name("exact hash")
                .keyBy(d -> d.hash, Types.STRING)
                .reduce(new KeepEarliest(examplesLimit)).name("exact dedup")
                .process(new CountCopies()).name("exact clusters");
    }

    /** The earlier of two documents with one normal form; the later is an example of a removal. */
    static final class KeepEarliest extends RichReduceFunction<Doc> {

        private static final long serialVersionUID = 1L;
        private final int examplesLimit;
        private transient Examples examples;

        KeepEarliest(int examplesLimit) {
            this.examplesLimit = examplesLimit;
        }

        @Override
        public void open(OpenContext context) {
            examples = Accumulators.examples(getRuntimeContext(), NAME, examplesLimit);
        }

        @Override
        public Doc reduce(Doc a, Doc b) {
            Doc keep = a.key <= b.key ? a : b;
            Doc drop = keep == a ? b : a;
            if (drop.text != null && !drop.text.isEmpty()) {
                examples.add(Example.of(drop, "exact duplicate of " + keep.id));
            }
            keep.copies = a.copies + b.copies;
            return keep;
        }
    }

    /** Counts the removed copies and the cluster sizes. */
    static final class CountCopies extends ProcessFunction<Doc, Doc> {

        private static final long serialVersionUID = 1L;
        private transient LongCounter duplicates;
        private transient CountMap clusters;

        @Override
        public void open(OpenContext context) {
            duplicates = getRuntimeContext().getLongCounter(Counters.EXACT_DUPLICATES);
            clusters = Accumulators.countMap(getRuntimeContext(), Counters.EXACT_CLUSTERS);
        }

        @Override
        public void processElement(Doc doc, Context context, Collector<Doc> out) {
            if (doc.copies > 1) {
                duplicates.add(doc.copies - 1L);
                clusters.add(Integer.toString(doc.copies));
            }
            out.collect(doc);
        }
    }
}
