package dev.pairwise.corpus;

import dev.pairwise.corpus.flink.CleanJob;
import dev.pairwise.corpus.flink.Example;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.configuration.BatchExecutionOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * Runs a cleaning job on an {@link Engine}, reports its progress while it runs, and turns the job's
 * accumulators into a {@link CleanReport} written as {@code report.json} beside {@code clean.jsonl}.
 */
public final class CorpusCleaner {

    /** Called about once a second while the job runs. */
    public interface Progress {
        /** Documents read and input characters read so far (over the input's size: the reading share done). */
        void update(long docsRead, long charsRead);
    }

    private static final String JOB_NAME = "pairwise clean-corpus";
    /** How long the embedded job's result is waited on between checks for cancel (short jobs end promptly). */
    private static final long POLL_MS = 200;
    /** Progress (the accumulators) of the embedded job is asked every this many polls: once a second. */
    private static final int POLLS_PER_PROGRESS = 5;
    /**
     * How often a cluster's job is asked its status and progress: each question is a REST client
     * that Flink's {@code JobClient} builds and closes (its own Netty event loop and threads), so
     * once a second, as the progress was asked before.
     */
    private static final long REMOTE_POLL_MS = 1000;
    private static final long STATUS_TIMEOUT_S = 60;

    private CorpusCleaner() {
    }

    /**
     * Runs the job and writes {@code report.json} into the output folder (when it is a local path).
     *
     * @param cancelled polled while the job runs; true cancels the job and throws
     * @throws IllegalArgumentException naming the input or setting at fault (a bad JSONL line, say)
     * @throws IllegalStateException    when the job failed otherwise or was cancelled
     */
    public static CleanReport run(CleanConfig config, Engine engine, Progress progress, BooleanSupplier cancelled)
            throws IOException {
        long start = System.nanoTime();
        config = config.withLocations(config.inputs().stream().map(CorpusCleaner::uri).toList(), uri(config.output()));
        StreamExecutionEnvironment env = environment(engine);
        CleanJob.build(env, config);
        JobExecutionResult result = execute(env, engine, progress, cancelled);
        double seconds = (System.nanoTime() - start) / 1e9;
        CleanReport report = report(result.getAllAccumulatorResults(), config, describe(engine), seconds);
        Path out = localPath(config.output());
        if (out != null) {
            Files.createDirectories(out);
            Files.writeString(out.resolve("report.json"), report.toJson() + "\n", StandardCharsets.UTF_8);
        }
        return report;
    }

    private static StreamExecutionEnvironment environment(Engine engine) {
        Configuration conf = new Configuration();
        // a cleaning run is a batch job over files: a failure should surface at once, not retry
        conf.set(RestartStrategyOptions.RESTART_STRATEGY, "none");
        // Flink's adaptive batch scheduler would pick each stage's parallelism from its input's bytes
        // (16 MB a task): a 10k-document corpus then ran language ID on one task whatever was asked
        conf.set(BatchExecutionOptions.ADAPTIVE_AUTO_PARALLELISM_ENABLED, false);
        return switch (engine) {
            case Engine.Embedded e -> {
                if (JobJars.insideBootJar()) {
                    conf.set(PipelineOptions.JARS, List.of(Path.of(ownJar()).toUri().toString()));
                }
                yield StreamExecutionEnvironment.createLocalEnvironment(e.parallelism(), conf);
            }
            case Engine.Remote r -> {
                StreamExecutionEnvironment env = StreamExecutionEnvironment.createRemoteEnvironment(
                        r.host(), r.port(), conf, r.jars().toArray(String[]::new));
                env.setParallelism(r.parallelism());
                yield env;
            }
        };
    }

    private static String ownJar() {
        try {
            return JobJars.ownClassesOnly();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot write the job jar: " + e.getMessage(), e);
        }
    }

    private static JobExecutionResult execute(StreamExecutionEnvironment env, Engine engine, Progress progress,
                                              BooleanSupplier cancelled) {
        JobClient client;
        try {
            client = env.executeAsync(JOB_NAME);
        } catch (Exception e) {
            throw failure(e);
        }
        try {
            return engine instanceof Engine.Remote remote
                    ? awaitRemote(client, remote, progress, cancelled)
                    : awaitEmbedded(client, progress, cancelled);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            client.cancel();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException | TimeoutException e) {
            throw failure(e);
        }
    }

    /** The embedded MiniCluster runs for this one job and shuts down with it: wait on its result. */
    private static JobExecutionResult awaitEmbedded(JobClient client, Progress progress, BooleanSupplier cancelled)
            throws InterruptedException, ExecutionException, TimeoutException {
        var done = client.getJobExecutionResult();
        for (long poll = 1; ; poll++) {
            try {
                return done.get(POLL_MS, TimeUnit.MILLISECONDS);
            } catch (TimeoutException tick) {
                whileRunning(client, progress, cancelled, poll % POLLS_PER_PROGRESS == 0);
            }
        }
    }

    /**
     * A cluster's job is waited for by polling its status, not on {@code getJobExecutionResult()}:
     * that future never completes for a failed job when we run inside the Boot jar (see
     * {@link RemoteFailure}), so a job that ends without finishing is explained from the REST
     * endpoint's text instead.
     */
    private static JobExecutionResult awaitRemote(JobClient client, Engine.Remote remote, Progress progress,
                                                  BooleanSupplier cancelled)
            throws InterruptedException, ExecutionException, TimeoutException {
        while (true) {
            JobStatus status = client.getJobStatus().get(STATUS_TIMEOUT_S, TimeUnit.SECONDS);
            if (status == JobStatus.FINISHED) {
                return client.getJobExecutionResult().get(STATUS_TIMEOUT_S, TimeUnit.SECONDS);
            }
            if (status.isGloballyTerminalState()) {
                throw RemoteFailure.read(remote, client.getJobID(), status);
            }
            whileRunning(client, progress, cancelled, true);
            Thread.sleep(REMOTE_POLL_MS);
        }
    }

    /** Between polls: cancels the job when asked to, and passes on progress when {@code reportProgress}. */
    private static void whileRunning(JobClient client, Progress progress, BooleanSupplier cancelled,
                                     boolean reportProgress)
            throws InterruptedException, ExecutionException, TimeoutException {
        if (cancelled.getAsBoolean()) {
            client.cancel().get(30, TimeUnit.SECONDS);
            throw new IllegalStateException("cancelled");
        }
        if (reportProgress) {
            report(client, progress);
        }
    }

    private static void report(JobClient client, Progress progress) {
        try {
            Map<String, Object> acc = client.getAccumulators().get(5, TimeUnit.SECONDS);
            progress.update(asLong(acc.get("docs_in")), asLong(acc.get("chars_read")));
        } catch (Exception e) {
            // progress is best effort: a job between phases may not answer
        }
    }

    /** The user's own error (bad input, bad checkpoint) from inside Flink's wrappers. */
    static RuntimeException failure(Throwable e) {
        Throwable cause = e;
        Throwable user = null;
        while (cause != null) {
            String name = cause.getClass().getName();
            if (cause instanceof IllegalArgumentException) {
                user = cause;
            } else if (name.equals("org.apache.flink.util.SerializedThrowable")) {
                // an exception whose class could not be loaded here; its toString() is "<class>: <message>"
                IllegalArgumentException named = RemoteFailure.userError(cause.toString());
                if (named != null) {
                    user = named;
                }
            }
            cause = cause.getCause();
        }
        if (user != null) {
            return new IllegalArgumentException(user.getMessage(), e);
        }
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return new IllegalStateException("the cleaning job failed: " + root, e);
    }

    @SuppressWarnings("unchecked")
    static CleanReport report(Map<String, Object> acc, CleanConfig config, String engine, double seconds) {
        List<CleanReport.Stage> stages = new ArrayList<>();
        if (!config.languages().isEmpty()) {
            stages.add(stage(acc, "language", "language_removed"));
        }
        if (config.quality()) {
            stages.add(stage(acc, "quality", "quality_removed"));
        }
        if (config.exactDedup()) {
            stages.add(stage(acc, "exact_dedup", "exact_duplicates"));
        }
        if (config.nearDedup()) {
            stages.add(stage(acc, "near_dedup", "near_duplicates"));
        }
        if (config.perplexityCheckpoint() != null) {
            stages.add(stage(acc, "perplexity", "perplexity_removed"));
        }
        Object threshold = acc.get("perplexity_threshold");
        return new CleanReport(asLong(acc.get("docs_in")), asLong(acc.get("docs_out")),
                asLong(acc.get("exact_duplicates")), asLong(acc.get("near_duplicates")),
                asLong(acc.get("language_removed")), asLong(acc.get("quality_removed")),
                asLong(acc.get("perplexity_removed")), asLong(acc.get("pii_replaced")), asLong(acc.get("pii_documents")),
                asLong(acc.get("perplexity_scored")), threshold instanceof Number n ? n.doubleValue() : Double.NaN,
                stages, counts(acc.get("quality_rules"), false), counts(acc.get("language_histogram"), false),
                counts(acc.get("exact_cluster_sizes"), true), counts(acc.get("near_cluster_sizes"), true),
                config, engine, seconds);
    }

    @SuppressWarnings("unchecked")
    private static CleanReport.Stage stage(Map<String, Object> acc, String name, String counter) {
        List<CleanReport.Example> examples = new ArrayList<>();
        Object value = acc.get("examples." + name);
        if (value instanceof List<?> list) {
            for (Object o : list) {
                Example e = (Example) o;
                examples.add(new CleanReport.Example(e.id(), e.text(), e.reason()));
            }
        }
        return new CleanReport.Stage(name, asLong(acc.get(counter)), examples);
    }

    /** A CountMap's result; cluster sizes sort numerically. */
    @SuppressWarnings("unchecked")
    private static SortedMap<String, Long> counts(Object value, boolean numeric) {
        SortedMap<String, Long> m = numeric
                ? new TreeMap<>((a, b) -> Long.compare(Long.parseLong(a), Long.parseLong(b)))
                : new TreeMap<>();
        if (value instanceof Map<?, ?> map) {
            ((Map<String, Long>) map).forEach(m::put);
        }
        return m;
    }

    private static long asLong(Object value) {
        return value instanceof Number n ? n.longValue() : 0;
    }

    private static String describe(Engine engine) {
        return switch (engine) {
            case Engine.Embedded e -> "flink-embedded (parallelism " + e.parallelism() + ")";
            case Engine.Remote r -> "flink-remote " + r.host() + ":" + r.port() + " (parallelism " + r.parallelism() + ")";
        };
    }

    /** The output folder as a local path, or null for a non-local file system URI. */
    static Path localPath(String output) {
        if (output.startsWith("file:")) {
            return Path.of(java.net.URI.create(output));
        }
        if (output.matches("^[a-zA-Z][a-zA-Z0-9+.-]*://.*")) {
            return null;
        }
        return Path.of(output);
    }

    /** A local path as an absolute {@code file:} URI (what every worker of a cluster can resolve); URIs stay. */
    static String uri(String location) {
        if (location.matches("^[a-zA-Z][a-zA-Z0-9+.-]*:/.*")) {
            return location;
        }
        return Path.of(location).toAbsolutePath().normalize().toUri().toString();
    }
}
