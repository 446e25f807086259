package dev.pairwise.app.jobs;

import dev.pairwise.app.jobs.config.ConfigField;
import dev.pairwise.app.jobs.config.JobSettings;
import java.util.List;

/**
 * A trainer the runner can run: one Spring bean per {@link JobType}. The runner calls
 * {@link #prepare} while the job is being submitted (nothing is stored if it throws) and
 * {@link #run} later on the single training thread.
 */
public interface JobExecutor {

    /** The job type this executor runs; at most one executor per type. */
    JobType type();

    /**
     * Checks what the field declarations cannot (the config was read through {@link #fields()}
     * already: kinds, ranges, required fields) and reads the ids of the rows the job will train
     * on, in order; they are frozen as the job's dataset snapshot. Types whose
     * {@link JobType#dataset()} is {@code NONE} return an empty list.
     *
     * @throws dev.pairwise.labeling.InvalidInputException naming the field ({@code config.x}) at fault
     */
    List<Long> prepare(JobSettings settings);

    /**
     * Trains. Report progress, metrics, log lines and checkpoints through the context, check
     * {@link JobContext#isCancelled()} between steps and return early when it is true. A thrown
     * exception fails the job with its message (unless it was cancelled).
     */
    void run(JobContext context) throws Exception;

    /**
     * The config fields, in the order a start form shows them, with defaults, ranges and hints:
     * the only limits a config is checked against ({@link JobSettings#read}). Fields not declared
     * here are stored but not checked.
     */
    default List<ConfigField> fields() {
        return List.of();
    }

    /**
     * Whether {@link #run} continues from {@link JobContext#resumeFrom()} when a job that was
     * running at a restart is run again. Executors that cannot resume have such jobs failed.
     */
    default boolean supportsResume() {
        return false;
    }
}
