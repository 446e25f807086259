package dev.pairwise.app.jobs;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A job the worker has just moved to RUNNING: what its trainer needs, detached from JPA.
 *
 * @param attempt which claim of the job this is (1 for the first); every later write of this run
 *                names it, so a run that lost its lease to another instance changes nothing
 */
record ClaimedJob(long id, JobType type, String config, List<Long> datasetIds, long step,
                  @Nullable String checkpointPath, String logTail, int attempt) {
}
