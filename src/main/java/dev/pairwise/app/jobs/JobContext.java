package dev.pairwise.app.jobs;

import ai.djl.Device;
import dev.pairwise.app.jobs.config.JobSettings;
import dev.pairwise.app.registry.CheckpointKind;
import dev.pairwise.app.registry.CheckpointView;
import dev.pairwise.policy.device.Devices;
import java.nio.file.Path;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/** What a running {@link JobExecutor} sees of its job; every report is stored at once. */
public interface JobContext {

    long jobId();

    /**
     * The config, read once when the run started through the executor's
     * {@link JobExecutor#fields()}: checked, with the declared defaults for absent fields.
     */
    JobSettings settings();

    /** The config as submitted (a JSON object). */
    default JsonNode config() {
        return settings().json();
    }

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

    /**
     * Registers a checkpoint this job produced in the model registry — named
     * {@code <type>-job<id>-<folder name>}, with this job as its maker — and records it as the
     * job's latest checkpoint.
     *
     * @param parentId    the registry id it was trained from (usually one of the config's checkpoints)
     * @param metricsJson headline metrics as a JSON object, or null
     */
    CheckpointView publish(CheckpointKind kind, Path dir, @Nullable Long parentId, @Nullable String metricsJson);

    /**
     * The device this job's models run on: the GPU when libtorch sees one, else the CPU. A job
     * that loads a model asks here, and the running context records the answer on the job (and in
     * its log) so the job page says where it ran.
     */
    default Device device() {
        return Devices.auto();
    }

    /** True once someone cancelled the job (or the app is stopping): return soon. */
    boolean isCancelled();
}
