package dev.pairwise.corpus.flink;

import dev.pairwise.corpus.CleanConfig;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.RuntimeExecutionMode;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * The cleaning pipeline, written once: it adds its operators to whatever environment it is given
 * — the embedded MiniCluster or a remote cluster's — in batch execution mode. Cheap filters run
 * first so that deduplication and the model see fewer documents: read → language → quality →
 * exact dedup → near dedup → perplexity → PII → {@code clean.jsonl} in input order.
 */
public final class CleanJob {

    private CleanJob() {
    }

    /** Adds the pipeline for {@code config} to {@code env} (switching it to batch execution). */
    public static void build(StreamExecutionEnvironment env, CleanConfig config) {
        env.setRuntimeMode(RuntimeExecutionMode.BATCH);
        List<InputFile> files = new ArrayList<>();
        for (int i = 0; i < config.inputs().size(); i++) {
            files.add(new InputFile(i, config.inputs().get(i)));
        }
        int examples = config.examplesPerStage();
        DataStream<Doc> docs = env.fromData(files).name("input files")
                .rebalance()
                .flatMap(new ReadDocuments()).name("read documents")
                // a file is read by one worker; spread its documents so language ID and hashing use every worker
                .rebalance();
        if (!config.languages().isEmpty()) {
            docs = docs.process(new LanguageStage(config.languages(), config.minLanguageConfidence(),
                    config.languageHighAccuracy(), examples))
                    .name("language");
        }
        if (config.quality()) {
            docs = docs.process(new QualityStage(config.thresholds(), examples)).name("quality");
        }
        if (config.exactDedup()) {
            docs = ExactDedup.apply(docs, examples);
        }
        if (config.nearDedup()) {
            docs = NearDedup.apply(docs, config.bands(), config.nearDupThreshold(), config.permutations(),
                    config.shingleWords(), config.seed(), examples);
        }
        if (config.perplexityCheckpoint() != null) {
            docs = PerplexityStage.apply(docs, config.perplexityCheckpoint(), config.perplexityMaxTokens(),
                    config.perplexityKeepPercent(), examples);
        }
        if (config.pii()) {
            docs = docs.map(new PiiStage()).name("pii");
        }
        docs.keyBy(d -> d.key, Types.LONG)
                .process(new InInputOrder()).name("input order").setParallelism(1)
                .sinkTo(new JsonlSink(config.output())).name("clean.jsonl").setParallelism(1);
    }
}
