package dev.pairwise.corpus.flink;

import dev.pairwise.corpus.perplexity.PerplexityHistogram;
import dev.pairwise.corpus.perplexity.PerplexityScorer;
import java.nio.file.Path;
import java.util.Locale;
import org.apache.flink.api.common.accumulators.DoubleMaximum;
import org.apache.flink.api.common.accumulators.LongCounter;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichMapFunction;
import org.apache.flink.api.common.functions.RichMapPartitionFunction;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.datastream.BroadcastStream;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.functions.co.BroadcastProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Scores every document's perplexity, finds the keep-threshold as a percentile of all scores (a
 * histogram in one place), and broadcasts it back to the scored documents — in batch execution
 * Flink processes the broadcast side first, and the scored documents wait in a blocking exchange,
 * so the model runs once per document. Documents too short to score (NaN) are kept.
 */
final class PerplexityStage {

    static final String NAME = "perplexity";
    private static final MapStateDescriptor<String, Double> THRESHOLD =
            new MapStateDescriptor<>("perplexity threshold", Types.STRING, Types.DOUBLE);

    private PerplexityStage() {
    }

    static DataStream<Doc> apply(DataStream<Doc> docs, String checkpoint, int maxTokens, double keepPercent,
                                 int examplesLimit) {
        DataStream<Doc> scored = docs.map(new Score(checkpoint, maxTokens)).name("perplexity score");
        BroadcastStream<Double> threshold = scored
                .map(d -> d.perplexity).returns(Types.DOUBLE).name("perplexities")
                .global()
                .fullWindowPartition()
                .mapPartition(new Percentile(keepPercent)).name("perplexity percentile").setParallelism(1)
                .broadcast(THRESHOLD);
        return scored.rebalance().connect(threshold).process(new Filter(examplesLimit)).name("perplexity filter");
    }

    /** Loads the checkpoint once per parallel instance and scores each document. */
    static final class Score extends RichMapFunction<Doc, Doc> {

        private static final long serialVersionUID = 1L;
        private final String checkpoint;
        private final int maxTokens;
        private transient PerplexityScorer scorer;
        private transient LongCounter scored;

        Score(String checkpoint, int maxTokens) {
            this.checkpoint = checkpoint;
            this.maxTokens = maxTokens;
        }

        @Override
        public void open(OpenContext context) {
            scorer = new PerplexityScorer(Path.of(checkpoint), maxTokens);
            scored = getRuntimeContext().getLongCounter(Counters.PERPLEXITY_SCORED);
        }

        @Override
        public Doc map(Doc doc) {
            doc.perplexity = scorer.perplexity(doc.text);
            if (!Double.isNaN(doc.perplexity)) {
                scored.add(1L);
            }
            return doc;
        }

        @Override
        public void close() {
            if (scorer != null) {
                scorer.close();
            }
        }
    }

    /** The perplexity at the keep percentile of all scores; reported as an accumulator too. */
    static final class Percentile extends RichMapPartitionFunction<Double, Double> {

        private static final long serialVersionUID = 1L;
        private final double keepPercent;

        Percentile(double keepPercent) {
            this.keepPercent = keepPercent;
        }

        @Override
        public void mapPartition(Iterable<Double> perplexities, Collector<Double> out) {
            PerplexityHistogram histogram = new PerplexityHistogram();
            perplexities.forEach(histogram::add);
            double threshold = histogram.percentile(keepPercent);
            DoubleMaximum reported = new DoubleMaximum();
            reported.add(threshold);
            getRuntimeContext().addAccumulator(Counters.PERPLEXITY_THRESHOLD, reported);
            out.collect(threshold);
        }
    }

    /** Keeps documents below the threshold (or unscored). */
    static final class Filter extends BroadcastProcessFunction<Doc, Double, Doc> {

        private static final long serialVersionUID = 1L;
        private final int examplesLimit;
        private transient LongCounter removed;
        private transient Examples examples;

        Filter(int examplesLimit) {
            this.examplesLimit = examplesLimit;
        }

        @Override
        public void open(OpenContext context) {
            removed = getRuntimeContext().getLongCounter(Counters.PERPLEXITY_REMOVED);
            examples = Accumulators.examples(getRuntimeContext(), NAME, examplesLimit);
        }

        @Override
        public void processBroadcastElement(Double threshold, Context context, Collector<Doc> out) throws Exception {
            context.getBroadcastState(THRESHOLD).put("threshold", threshold);
        }

        @Override
        public void processElement(Doc doc, ReadOnlyContext context, Collector<Doc> out) throws Exception {
            Double threshold = context.getBroadcastState(THRESHOLD).get("threshold");
            if (threshold == null) {
                throw new IllegalStateException("the perplexity threshold did not arrive before the documents");
            }
            if (Double.isNaN(doc.perplexity) || doc.perplexity < threshold) {
                out.collect(doc);
                return;
            }
            removed.add(1L);
            examples.add(Example.of(doc, String.format(Locale.ROOT, "perplexity %.1f ≥ %.1f", doc.perplexity, threshold)));
        }
    }
}
