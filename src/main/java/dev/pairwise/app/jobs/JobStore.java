package dev.pairwise.app.jobs;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The worker's writes, one short transaction each: claim the oldest queued job, report progress,
 * metrics, log and checkpoint, finish; and the recovery of rows left RUNNING by a stopped app.
 */
@Component
class JobStore {

    /** Stored with a failed job's error; the column holds 4,000 characters. */
    private static final int MAX_ERROR = 4000;

    private final TrainingJobRepository jobs;
    private final JobMetricRepository metrics;
    private final Clock clock;

    JobStore(TrainingJobRepository jobs, JobMetricRepository metrics, Clock clock) {
        this.jobs = jobs;
        this.metrics = metrics;
        this.clock = clock;
    }

    /** Moves the oldest QUEUED job to RUNNING; skips one cancelled in between. */
    @Transactional
    Optional<ClaimedJob> claimNext() {
        while (true) {
            Optional<TrainingJob> next = jobs.firstQueued();
            if (next.isEmpty()) {
                return Optional.empty();
            }
            long id = next.get().getId();
            if (jobs.claim(id, clock.instant()) == 1) {
                return jobs.findById(id).map(TrainingJob::claimed);
            }
        }
    }

    @Transactional(readOnly = true)
    boolean cancelRequested(long id) {
        return jobs.findById(id).map(TrainingJob::isCancelRequested).orElse(false);
    }

    @Transactional
    void progress(long id, long step, long total, @Nullable Long etaSeconds) {
        jobs.progress(id, step, total, etaSeconds);
    }

    @Transactional
    void metric(long id, long step, String name, double value) {
        metrics.save(new JobMetric(id, step, name, value, clock.instant()));
    }

    @Transactional
    void logTail(long id, String tail) {
        jobs.logTail(id, tail);
    }

    @Transactional
    void checkpoint(long id, String path) {
        jobs.checkpoint(id, path);
    }

    @Transactional
    void finish(long id, JobStatus status, @Nullable String error) {
        jobs.finish(id, status, error == null ? null : truncate(error), clock.instant());
    }

    /**
     * After a restart no job is really running. Each RUNNING row is cancelled (if a cancel was
     * asked), re-queued (if its executor can resume) or failed with the reason.
     *
     * @return the recovered jobs and what became of them
     */
    @Transactional
    List<Recovered> recoverAfterRestart(Predicate<JobType> canResume) {
        return jobs.findByStatusOrderByIdAsc(JobStatus.RUNNING).stream().map(job -> {
            long id = job.getId();
            JobStatus to;
            if (job.isCancelRequested()) {
                jobs.finish(id, JobStatus.CANCELLED, null, clock.instant());
                to = JobStatus.CANCELLED;
            } else if (canResume.test(job.getType())) {
                jobs.requeue(id);
                to = JobStatus.QUEUED;
            } else {
                jobs.finish(id, JobStatus.FAILED, "interrupted by restart", clock.instant());
                to = JobStatus.FAILED;
            }
            return new Recovered(id, to);
        }).toList();
    }

    record Recovered(long id, JobStatus status) {
    }

    private static String truncate(String s) {
        return s.length() <= MAX_ERROR ? s : s.substring(0, MAX_ERROR - 1) + "…";
    }
}
