package dev.pairwise.app.jobs;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** A job the worker has just moved to RUNNING: what its trainer needs, detached from JPA. */
record ClaimedJob(long id, JobType type, String config, List<Long> datasetIds, long step,
                  @Nullable String checkpointPath, String logTail) {
}
