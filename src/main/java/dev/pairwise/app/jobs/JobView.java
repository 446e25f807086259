package dev.pairwise.app.jobs;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * What callers see of a job.
 *
 * @param datasetSize     how many ids the frozen snapshot holds ({@link JobService#datasetIds} lists them)
 * @param step            the last step reported (0 before the first)
 * @param total           the number of steps the trainer expects (0 until it says)
 * @param etaSeconds      estimated seconds left, from this run's pace; null before two reports
 * @param cancelRequested a cancel reached the running job; it becomes CANCELLED when the trainer stops
 * @param checkpointPath  the latest checkpoint the job produced (resumes start here)
 * @param logTail         the last lines the trainer logged, newline-separated
 * @param claimedBy       the app instance that runs the job (or last ran it); null before the first claim
 * @param leaseExpiresAt  until when that instance holds the running job unless it renews the lease
 * @param attempts        how many times an instance claimed the job (more than 1: it was resumed)
 * @param device          where its models ran ({@code cpu (libtorch 2.7.1, CPU build)}); null for a job
 *                        that loads no model, or before it loaded one
 */
public record JobView(long id, JobType type, JobStatus status, String config, DatasetKind datasetKind,
                      int datasetSize, long step, long total, @Nullable Long etaSeconds, boolean cancelRequested,
                      @Nullable String checkpointPath, @Nullable String error, String logTail,
                      @Nullable String submittedBy, Instant createdAt, @Nullable Instant startedAt,
                      @Nullable Instant finishedAt, @Nullable String claimedBy, @Nullable Instant leaseExpiresAt,
                      int attempts, @Nullable String device) {
}
