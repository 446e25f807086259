package dev.pairwise.corpus.flink;

import dev.pairwise.corpus.minhash.LshBands;
import dev.pairwise.corpus.minhash.MinHasher;
import dev.pairwise.corpus.minhash.Shingles;
import org.apache.flink.api.common.accumulators.LongCounter;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichFlatMapFunction;
import org.apache.flink.api.common.functions.RichReduceFunction;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Near-duplicate removal with MinHash + LSH, as a dataflow (the shape of datatrove's and
 * text-dedup's pipelines):
 * <ol>
 *   <li>each document → its b band hashes (MinHash signature cut into bands);</li>
 *   <li>keyed by bucket: every later member of a bucket is linked to the bucket's first — a star,
 *       which connects the same documents as all pairs would, with one edge per member;</li>
 *   <li>the edges meet in one union-find ({@link UnionFind}): clusters are connected components,
 *       each keeps its earliest document, the others become removal marks;</li>
 *   <li>the marks join their documents in a keyed reduce on the document key.</li>
 * </ol>
 * Memory: steps 1, 2 and 4 hold one key at a time (Flink sorts in batch mode); the union-find holds
 * the documents that have a candidate at all — the duplicates, not the corpus. Candidates are not
 * re-checked against the threshold (as in datatrove): the band/row choice bounds false positives.
 */
final class NearDedup {

    static final String NAME = "near_dedup";

    private NearDedup() {
    }

    static DataStream<Doc> apply(DataStream<Doc> docs, LshBands bands, int permutations, int shingleWords, long seed,
                                 int examplesLimit) {
        DataStream<Doc> marks = docs
                .flatMap(new ToBands(bands, permutations, shingleWords, seed)).name("minhash bands")
                .keyBy(b -> b.bucket, Types.LONG)
                .process(new BucketStar()).name("lsh buckets")
                .global()
                .fullWindowPartition()
                .mapPartition(new UnionFind()).name("near-duplicate clusters").setParallelism(1);
        return docs.union(marks)
                .keyBy(d -> d.key, Types.LONG)
                .reduce(new Mark()).name("join marks")
                .process(new DropMarked(examplesLimit)).name("near dedup");
    }

    /** A document's LSH bands. */
    static final class ToBands extends RichFlatMapFunction<Doc, Band> {

        private static final long serialVersionUID = 1L;
        private final LshBands bands;
        private final int permutations;
        private final int shingleWords;
        private final long seed;
        private transient MinHasher hasher;

        ToBands(LshBands bands, int permutations, int shingleWords, long seed) {
            this.bands = bands;
            this.permutations = permutations;
            this.shingleWords = shingleWords;
            this.seed = seed;
        }

        @Override
        public void open(OpenContext context) {
            hasher = new MinHasher(permutations, seed);
        }

        @Override
        public void flatMap(Doc doc, Collector<Band> out) {
            long[] signature = hasher.signature(Shingles.of(doc.text, shingleWords));
            for (int band = 0; band < bands.bands(); band++) {
                out.collect(new Band(bands.bucket(signature, band), doc.key, doc.id));
            }
        }
    }

    /** Links each later member of a bucket to its first member. */
    static final class BucketStar extends KeyedProcessFunction<Long, Band, Edge> {

        private static final long serialVersionUID = 1L;
        private transient ValueState<Band> first;

        @Override
        public void open(OpenContext context) {
            first = getRuntimeContext().getState(new ValueStateDescriptor<>("first", Band.class));
        }

        @Override
        public void processElement(Band band, Context context, Collector<Edge> out) throws Exception {
            Band head = first.value();
            if (head == null) {
                first.update(band);
            } else if (head.key != band.key) {
                out.collect(new Edge(head.key, head.id, band.key, band.id));
            }
        }
    }

    /** Joins a document and its removal mark (if any) with the same key. */
    static final class Mark extends RichReduceFunction<Doc> {

        private static final long serialVersionUID = 1L;

        @Override
        public Doc reduce(Doc a, Doc b) {
            Doc doc = a.removed ? b : a;
            Doc mark = a.removed ? a : b;
            if (mark.removed) {
                doc.removed = true;
                doc.keptId = mark.keptId;
            }
            return doc;
        }
    }

    /** Drops marked documents, counting them and keeping examples. */
    static final class DropMarked extends ProcessFunction<Doc, Doc> {

        private static final long serialVersionUID = 1L;
        private final int examplesLimit;
        private transient LongCounter removed;
        private transient Examples examples;

        DropMarked(int examplesLimit) {
            this.examplesLimit = examplesLimit;
        }

        @Override
        public void open(OpenContext context) {
            removed = getRuntimeContext().getLongCounter(Counters.NEAR_DUPLICATES);
            examples = Accumulators.examples(getRuntimeContext(), NAME, examplesLimit);
        }

        @Override
        public void processElement(Doc doc, Context context, Collector<Doc> out) {
            if (!doc.removed) {
                out.collect(doc);
                return;
            }
            removed.add(1L);
            examples.add(Example.of(doc, "near duplicate of " + doc.keptId));
        }
    }
}
