package dev.pairwise.app.jobs;

import dev.pairwise.app.registry.CheckpointView;
import dev.pairwise.app.registry.ModelRegistry;
import dev.pairwise.app.registry.NewCheckpoint;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The worker's writes, one short transaction each: claim the oldest queued job, renew its lease,
 * report progress, metrics, log and checkpoint, finish; and the recovery of rows left RUNNING by
 * an instance that stopped. A run's writes name its attempt and answer whether they landed: false
 * means another instance took the job over after this one's lease ran out.
 */
@Component
class JobStore {

    /** Stored with a failed job's error; the column holds 4,000 characters. */
    private static final int MAX_ERROR = 4000;

    private final TrainingJobRepository jobs;
    private final JobMetricRepository metrics;
    private final Clock clock;
    private final JobLeases leases;
    private final ModelRegistry registry;

    JobStore(TrainingJobRepository jobs, JobMetricRepository metrics, Clock clock, JobLeases leases,
             ModelRegistry registry) {
        this.jobs = jobs;
        this.registry = registry;
        this.metrics = metrics;
        this.clock = clock;
        this.leases = leases;
    }

    /**
     * Moves the oldest QUEUED job of the given types to RUNNING, held by this instance for one
     * lease; skips one that another instance claimed (or a user cancelled) in between. Only the
     * types this instance has executors for are claimed: an instance of another build sharing the
     * database (or a test's partial application) leaves the others' jobs to them instead of failing them.
     */
    @Transactional
    Optional<ClaimedJob> claimNext(Collection<JobType> types) {
        while (true) {
            Optional<TrainingJob> next = jobs.firstQueued(types);
            if (next.isEmpty()) {
                return Optional.empty();
            }
            long id = next.get().getId();
            Instant now = clock.instant();
            if (jobs.claim(id, leases.instanceId(), now, leases.until(now)) == 1) {
                return jobs.findById(id).map(TrainingJob::claimed);
            }
        }
    }

    /** The heartbeat of a run: false when the job is no longer this run's (taken over, or finished). */
    @Transactional
    boolean renew(long id, int attempt) {
        return jobs.renew(id, attempt, leases.until(clock.instant())) == 1;
    }

    @Transactional(readOnly = true)
    boolean cancelRequested(long id) {
        return jobs.findById(id).map(TrainingJob::isCancelRequested).orElse(false);
    }

    @Transactional
    boolean progress(long id, int attempt, long step, long total, @Nullable Long etaSeconds) {
        return jobs.progress(id, attempt, step, total, etaSeconds) == 1;
    }

    @Transactional
    void metric(long id, long step, String name, double value) {
        metrics.save(new JobMetric(id, step, name, value, clock.instant()));
    }

    @Transactional
    boolean logTail(long id, int attempt, String tail) {
        return jobs.logTail(id, attempt, tail) == 1;
    }

    @Transactional
    boolean device(long id, int attempt, String device) {
        return jobs.device(id, attempt, device) == 1;
    }

    @Transactional
    boolean checkpoint(long id, int attempt, String path) {
        return jobs.checkpoint(id, attempt, path) == 1;
    }

    /**
     * Records a checkpoint the run made as the job's latest and registers it, both or neither: a
     * run that lost the job to another instance registers nothing (the other run will).
     *
     * @throws TakenOver when the job is no longer this run's
     */
    @Transactional
    CheckpointView publish(long id, int attempt, NewCheckpoint checkpoint) {
        if (jobs.checkpoint(id, attempt, Objects.requireNonNull(checkpoint.path(), "path")) != 1) {
            throw new TakenOver(id);
        }
        return registry.register(checkpoint);
    }

    @Transactional
    boolean finish(long id, int attempt, JobStatus status, @Nullable String error) {
        return jobs.finish(id, attempt, status, error == null ? null : truncate(error), clock.instant()) == 1;
    }

    /** Lets the lease of a run that the stopping app interrupted run out now, so it resumes at once elsewhere. */
    @Transactional
    boolean release(long id, int attempt) {
        return jobs.release(id, attempt, clock.instant()) == 1;
    }

    /**
     * At start: the jobs this instance id held in an earlier process (a configured
     * {@code pairwise.instance-id} that restarted) are abandoned now rather than when their lease runs out.
     */
    @Transactional
    int expireOwnLeases() {
        return jobs.expireLeasesOf(leases.instanceId(), clock.instant());
    }

    /**
     * A RUNNING job whose lease ran out is not running anywhere: its instance stopped or crashed.
     * Each such row is cancelled (if a cancel was asked), re-queued to resume from its checkpoint
     * (if its executor can resume) or failed with the reason. Each change is guarded, so when two
     * instances recover at once every job gets one outcome.
     *
     * @return the jobs this call recovered and what became of them
     */
    @Transactional
    List<Recovered> recoverAbandoned(Predicate<JobType> canResume) {
        Instant now = clock.instant();
        List<Recovered> recovered = new ArrayList<>();
        for (TrainingJob job : jobs.findAbandoned(now)) {
            long id = job.getId();
            JobStatus to;
            int changed;
            if (job.isCancelRequested()) {
                to = JobStatus.CANCELLED;
                changed = jobs.finishAbandoned(id, to, null, now);
            } else if (canResume.test(job.getType())) {
                to = JobStatus.QUEUED;
                changed = jobs.requeueAbandoned(id, now);
            } else {
                to = JobStatus.FAILED;
                changed = jobs.finishAbandoned(id, to, "interrupted: its app instance ("
                        + job.getClaimedBy() + ") stopped, and " + job.getType() + " jobs cannot resume", now);
            }
            if (changed == 1) {
                recovered.add(new Recovered(id, to, job.getClaimedBy()));
            }
        }
        return recovered;
    }

    /** A run wrote to a job that another instance has taken over. */
    static final class TakenOver extends IllegalStateException {
        TakenOver(long id) {
            super("Job " + id + " was taken over by another app instance");
        }
    }

    /** A recovered job, what it became, and the instance that had held it. */
    record Recovered(long id, JobStatus status, @Nullable String from) {
    }

    private static String truncate(String s) {
        return s.length() <= MAX_ERROR ? s : s.substring(0, MAX_ERROR - 1) + "…";
    }
}
