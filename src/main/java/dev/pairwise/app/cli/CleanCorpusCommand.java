package dev.pairwise.app.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import dev.pairwise.corpus.CleanConfig;
import dev.pairwise.corpus.CleanReport;
import dev.pairwise.corpus.CorpusCleaner;
import dev.pairwise.corpus.Engine;
import dev.pairwise.corpus.JobJars;
import dev.pairwise.corpus.quality.QualityThresholds;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code clean-corpus}: the first stage of the pipeline. Cleans pretraining text on Flink — an
 * embedded MiniCluster, or with {@code --cluster} a running Flink cluster — writes
 * {@code DIR/clean.jsonl} and {@code DIR/report.json}, and prints the report's counts as one JSON line.
 */
@Command(name = "clean-corpus", description = {
        "Cleans a pretraining corpus: language, exact and near duplicates, quality, perplexity, PII.",
        "Writes DIR/clean.jsonl and DIR/report.json; prints one JSON line: docs_in, docs_out, exact_duplicates, "
                + "near_duplicates, language_removed, quality_removed, perplexity_removed, pii_replaced, seconds."})
final class CleanCorpusCommand extends StageCommand {

    @Option(names = "--in", required = true, split = ",", paramLabel = "FILE",
            description = "Input files, comma-separated: .jsonl with a string 'text' (and an optional 'id'), or plain "
                    + "text with one document per blank-line-separated paragraph; .gz is read as gzip.")
    List<String> inputs;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Folder for clean.jsonl and report.json.")
    String out;

    @Option(names = "--langs", split = ",", paramLabel = "CODES",
            description = "ISO 639-1 languages to keep (Lingua, 75 languages), e.g. en,de. Without it the language "
                    + "stage is off.")
    List<String> langs = new ArrayList<>();

    @Option(names = "--lang-confidence", paramLabel = "P", defaultValue = "0.5",
            description = "Lingua confidence the top language needs (a softmax over 75 languages).")
    double langConfidence;

    @Option(names = "--lang-high-accuracy", description = "Lingua's high-accuracy mode: better on short texts, "
            + "about 1.5 GB more heap and 25 s to load (default: low accuracy, 90 MB).")
    boolean langHighAccuracy;

    @Option(names = "--no-exact-dedup", description = "Keep exact duplicates (NFC, case- and space-folded text).")
    boolean noExactDedup;

    @Option(names = "--no-near-dedup", description = "Keep near duplicates (MinHash + LSH).")
    boolean noNearDedup;

    @Option(names = "--near-dup-threshold", paramLabel = "J", defaultValue = "0.8",
            description = "Jaccard similarity of word shingles that makes a near duplicate; bands and rows follow.")
    double nearDupThreshold;

    @Option(names = "--permutations", paramLabel = "K", defaultValue = "128", description = "MinHash permutations.")
    int permutations;

    @Option(names = "--shingle-words", paramLabel = "N", defaultValue = "5", description = "Words per shingle.")
    int shingleWords;

    @Option(names = "--no-quality", description = "Skip the Gopher/C4 quality rules.")
    boolean noQuality;

    @Option(names = "--quality-threshold", paramLabel = "NAME=VALUE",
            description = "Change one quality threshold (repeatable), e.g. min_words=20; report.json lists them all.")
    Map<String, String> qualityThresholds = new LinkedHashMap<>();

    @Option(names = "--perplexity-checkpoint", paramLabel = "DIR",
            description = "A GPT checkpoint folder to score each document's perplexity with. Without it no scoring.")
    @Nullable Path perplexityCheckpoint;

    @Option(names = "--perplexity-keep-percentile", paramLabel = "P", defaultValue = "90",
            description = "Keep documents below this percentile of perplexity (100: score only).")
    double perplexityKeepPercentile;

    @Option(names = "--perplexity-max-tokens", paramLabel = "N", defaultValue = "1024",
            description = "Tokens of each document the model reads.")
    int perplexityMaxTokens;

    @Option(names = "--no-pii", description = "Leave e-mail addresses, phone numbers and IP addresses as they are.")
    boolean noPii;

    @Option(names = "--examples", paramLabel = "N", defaultValue = "5",
            description = "Removed documents the report shows per stage.")
    int examples;

    @Option(names = "--parallelism", paramLabel = "N",
            description = "Parallel workers; default: this machine's processors (embedded) or 2 (--cluster).")
    @Nullable Integer parallelism;

    @Option(names = "--cluster", paramLabel = "HOST:PORT",
            description = "Submit to a running Flink cluster (its JobManager REST address) instead of running "
                    + "embedded; input and output paths must be reachable from its TaskManagers.")
    @Nullable String cluster;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "42", description = "Seed of the MinHash permutations.")
    long seed;

    @Override
    public Integer call() throws IOException {
        quietFlink();
        CleanConfig config;
        try {
            QualityThresholds thresholds = QualityThresholds.DEFAULTS;
            for (Map.Entry<String, String> e : qualityThresholds.entrySet()) {
                thresholds = thresholds.with(e.getKey(), e.getValue());
            }
            config = CleanConfig.defaults(inputs, out)
                    .withLanguages(langs, langConfidence, langHighAccuracy)
                    .withDedup(!noExactDedup, !noNearDedup, nearDupThreshold, permutations, shingleWords)
                    .withQuality(!noQuality, thresholds)
                    .withPerplexity(perplexityCheckpoint == null ? null : perplexityCheckpoint.toAbsolutePath().toString(),
                            perplexityKeepPercentile, perplexityMaxTokens)
                    .withPii(!noPii)
                    .withExamples(examples, seed);
        } catch (IllegalArgumentException e) {
            throw usage(e.getMessage());
        }
        if (cluster == null) {
            for (String in : inputs) {
                if (!in.contains("://") && !Files.isRegularFile(Path.of(in))) {
                    throw new java.nio.file.NoSuchFileException(in, null, "input file not found");
                }
            }
        }
        Engine engine;
        try {
            engine = cluster == null
                    ? new Engine.Embedded(parallelism == null ? Runtime.getRuntime().availableProcessors() : parallelism)
                    : Engine.remote(cluster, parallelism == null ? 2 : parallelism, JobJars.collect(config));
        } catch (IllegalArgumentException e) {
            throw usage(e.getMessage());
        }
        err().println("clean-corpus: " + inputs.size() + " input file(s) on " + describe(engine));
        CleanReport report = CorpusCleaner.run(config, engine, (docs, chars) -> { }, () -> false);
        out().println(report.summaryLine());
        return 0;
    }

    private static String describe(Engine engine) {
        return switch (engine) {
            case Engine.Embedded e -> "Flink, embedded (parallelism " + e.parallelism() + ")";
            case Engine.Remote r -> "Flink cluster " + r.host() + ":" + r.port() + " (parallelism " + r.parallelism()
                    + ", " + r.jars().size() + " job jars)";
        };
    }

    /** Flink and its RPC system log every start-up step; a command shows errors only. */
    private static void quietFlink() {
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext logback) {
            logback.getLogger("org.apache.flink").setLevel(Level.ERROR);
            logback.getLogger("org.apache.pekko").setLevel(Level.ERROR);
            logback.getLogger("org.apache.flink.runtime.taskmanager.Task").setLevel(Level.OFF);
        }
    }
}
