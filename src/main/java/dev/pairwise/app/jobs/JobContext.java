package dev.pairwise.app.jobs;

import java.nio.file.Path;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/** What a running {@link JobExecutor} sees of its job; every report is stored at once. */
public interface JobContext {

    long jobId();

    /** The config as submitted (a JSON object). */
    JsonNode config();

    /** The frozen dataset snapshot: the ids read at submission, in order. */
    List<Long> dataset();

    /** The checkpoint to resume from (after a restart), or null to start from scratch. */
    @Nullable Path resumeFrom();

    /** This job's own folder for checkpoints ({@code <checkpoint root>/job-<id>}), created. */
    Path checkpointDir();

    /** Reports that {@code step} of {@code total} steps are done; the ETA follows from the pace. */
    void progress(long step, long total);

    /** Records a metric at the last reported step ({@code loss}, {@code rewards/margins}...). */
    void metric(String name, double value);

    /** Appends a line to the job's log tail. */
    void log(String line);

    /** Records a checkpoint the job wrote; the latest one is the job's result and resume point. */
    void checkpoint(Path dir);

    /** True once someone cancelled the job (or the app is stopping): return soon. */
    boolean isCancelled();
}
