package dev.pairwise.app.jobs;

import dev.pairwise.policy.device.Devices;
import jakarta.annotation.PreDestroy;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The training thread: one single-thread executor that takes queued jobs oldest first and runs
 * each to its end before the next (DJL allows one gradient collector per JVM). Several app
 * instances may share one database; each claims a job for itself with a lease in the job's row
 * ({@link JobLeases}) and a second thread, the keeper, renews it while the job runs. Every poll
 * interval the keeper also passes on a cancel asked on another instance, recovers the jobs of
 * instances whose lease ran out (they stopped or crashed: the job resumes from its checkpoint on
 * whichever instance claims it next) and wakes the training thread for jobs submitted elsewhere.
 * Stopping the app interrupts the job in flight and releases its lease, so another instance (or
 * the next start) resumes it at once.
 */
@Component
class JobRunner {

    private static final Logger log = LoggerFactory.getLogger(JobRunner.class);

    private final JobStore store;
    private final JobExecutors executors;
    private final JobMetrics meters;
    private final JobLeases leases;
    private final Clock clock;
    private final Path checkpointRoot;
    private final AtomicReference<@Nullable RunningContext> current = new AtomicReference<>();
    /** A drain is queued on the training thread and has not started yet: further wake-ups are redundant. */
    private final AtomicBoolean drainPending = new AtomicBoolean();
    private @Nullable ExecutorService worker;
    private @Nullable ScheduledExecutorService keeper;
    private volatile boolean stopping;
    /** How long a stopping app waits for the running executor to notice and return. */
    static final int STOP_GRACE_SECONDS = 20;

    JobRunner(JobStore store, JobExecutors executors, JobMetrics meters, JobLeases leases, Clock clock,
              @Value("${pairwise.jobs.checkpoint-dir:./data/checkpoints}") Path checkpointRoot) {
        this.store = store;
        this.executors = executors;
        this.meters = meters;
        this.leases = leases;
        this.clock = clock;
        this.checkpointRoot = checkpointRoot;
    }

    @EventListener(ApplicationReadyEvent.class)
    void onReady() {
        log.info("Training jobs: this app instance is '{}'", leases.instanceId());
        int own = store.expireOwnLeases();
        if (own > 0) {
            log.info("{} job(s) held by this instance id before its restart are recovered now", own);
        }
        recover();
        start();
    }

    /** One line saying where the models of jobs run, or why they cannot run here. */
    private static void sayDevice() {
        try {
            log.info("Training jobs run on device: {}", Devices.describe(Devices.auto()));
        } catch (RuntimeException | LinkageError e) {
            log.warn("libtorch could not be loaded, so training jobs will fail here: {}", e.toString());
        }
    }

    /** Recovers the jobs of stopped instances (see {@link JobStore#recoverAbandoned}). */
    List<JobStore.Recovered> recover() {
        List<JobStore.Recovered> recovered = store.recoverAbandoned(executors::canResume);
        for (JobStore.Recovered r : recovered) {
            log.info("Job {} was running on instance '{}', which stopped: now {}", r.id(), r.from(), r.status());
            meters.recovered();
            if (r.status().isFinal()) {
                meters.finished(r.status());
            }
        }
        if (!recovered.isEmpty()) {
            wake();
        }
        return recovered;
    }

    synchronized void start() {
        if (worker == null) {
            stopping = false;
            worker = Executors.newSingleThreadExecutor(r -> daemon(r, "pairwise-training"));
            worker.execute(JobRunner::sayDevice); // loading libtorch takes a moment: not on the start-up thread
            keeper = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "pairwise-jobs-keeper"));
            keeper.scheduleWithFixedDelay(this::heartbeat, leases.heartbeat().toMillis(),
                    leases.heartbeat().toMillis(), TimeUnit.MILLISECONDS);
            keeper.scheduleWithFixedDelay(this::poll, leases.poll().toMillis(), leases.poll().toMillis(),
                    TimeUnit.MILLISECONDS);
        }
        wake();
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    /** Asks the training thread to look for queued jobs; harmless when there are none. */
    synchronized void wake() {
        if (worker != null && !worker.isShutdown() && drainPending.compareAndSet(false, true)) {
            worker.execute(this::drain);
        }
    }

    /** Signals the running job, if it is {@code id}, to stop at its next check. */
    void cancelRunning(long id) {
        RunningContext ctx = current.get();
        if (ctx != null && ctx.jobId() == id) {
            ctx.cancel();
        }
    }

    /**
     * Stops the training thread: the running executor is asked to return (its
     * {@code isCancelled()} turns true) and gets {@value #STOP_GRACE_SECONDS} s before the thread
     * is interrupted. Interrupting is the last resort: an interrupt inside a database write can
     * close H2's file channel. The keeper renews the lease until the executor has returned.
     */
    @PreDestroy
    void stop() throws InterruptedException {
        ExecutorService w;
        ScheduledExecutorService k;
        synchronized (this) {
            w = worker;
            k = keeper;
            worker = null;
            keeper = null;
            stopping = true;
        }
        if (w != null) {
            w.shutdown();
            RunningContext ctx = current.get();
            if (ctx != null) {
                ctx.requestStop();
            }
            if (!w.awaitTermination(STOP_GRACE_SECONDS, TimeUnit.SECONDS)) {
                log.warn("The training job did not return within {} s; interrupting it", STOP_GRACE_SECONDS);
                w.shutdownNow();
                w.awaitTermination(STOP_GRACE_SECONDS, TimeUnit.SECONDS);
            }
        }
        if (k != null) {
            k.shutdownNow();
        }
    }

    /** Renews the running job's lease; a refusal means another instance took the job over. */
    private void heartbeat() {
        RunningContext ctx = current.get();
        if (ctx == null) {
            return;
        }
        try {
            if (!store.renew(ctx.jobId(), ctx.attempt()) && current.get() == ctx) {
                log.warn("Job {} is no longer held by this instance (its lease ran out); stopping it here", ctx.jobId());
                ctx.lose();
            }
        } catch (RuntimeException e) {
            log.warn("Could not renew the lease of job {}; retrying in {}", ctx.jobId(), leases.heartbeat(), e);
        }
    }

    /** Cancels asked elsewhere, jobs of stopped instances, jobs queued elsewhere. */
    private void poll() {
        if (stopping) {
            return;
        }
        try {
            RunningContext ctx = current.get();
            if (ctx != null && !ctx.wasCancelled() && store.cancelRequested(ctx.jobId())) {
                ctx.cancel();
            }
            recover();
            wake();
        } catch (RuntimeException e) {
            log.warn("Could not poll the job queue; retrying in {}", leases.poll(), e);
        }
    }

    private void drain() {
        drainPending.set(false); // a wake-up from now on queues another pass
        try {
            while (!stopping) {
                Optional<ClaimedJob> next = store.claimNext(executors.types());
                if (next.isEmpty()) {
                    return;
                }
                runOne(next.get());
            }
        } catch (RuntimeException e) {
            // The database went away (or similar): queued jobs wait for the next wake-up or poll.
            log.error("The training thread could not read or update the job queue", e);
        }
    }

    private void runOne(ClaimedJob job) {
        if (job.attempt() > 1) {
            log.info("Job {} ({}) claimed again (attempt {}): resuming from {}", job.id(), job.type(), job.attempt(),
                    job.checkpointPath() == null ? "the start" : job.checkpointPath());
        }
        Optional<JobExecutor> executor = executors.find(job.type());
        if (executor.isEmpty()) {
            finish(job, JobStatus.FAILED, "No trainer is installed for " + job.type() + " jobs");
            return;
        }
        RunningContext ctx;
        try {
            ctx = new RunningContext(job, executor.get().fields(), store, meters, clock, checkpointRoot);
        } catch (RuntimeException e) {
            finish(job, JobStatus.FAILED, "Bad stored config: " + e.getMessage());
            return;
        }
        current.set(ctx);
        meters.running(true);
        JobStatus outcome;
        String error = null;
        boolean threw = false;
        try {
            if (store.cancelRequested(job.id())) {
                ctx.cancel(); // a cancel that came between the claim and now found no context to signal
            }
            if (stopping) {
                ctx.requestStop(); // stop() ran between the claim and now
            }
            executor.get().run(ctx);
            outcome = ctx.wasCancelled() ? JobStatus.CANCELLED : JobStatus.SUCCEEDED;
        } catch (Throwable e) {
            threw = true;
            outcome = ctx.wasCancelled() ? JobStatus.CANCELLED : JobStatus.FAILED;
            error = e.getMessage() == null ? e.getClass().getSimpleName() : e.getClass().getSimpleName() + ": " + e.getMessage();
            if (outcome == JobStatus.FAILED && !stopping && !ctx.lost()) {
                log.warn("Job {} ({}) failed", job.id(), job.type(), e);
            }
        } finally {
            current.set(null);
            meters.running(false);
        }
        if (ctx.lost()) {
            log.warn("Job {} was taken over by another instance; this instance's run of it ends here", job.id());
            return;
        }
        if (!ctx.wasCancelled() && (ctx.stopObserved() || (stopping && threw))) {
            store.release(job.id(), job.attempt());
            log.info("Job {} interrupted by shutdown; left RUNNING with its lease released, to resume elsewhere or at the next start",
                    job.id());
            return;
        }
        finish(job, outcome, outcome == JobStatus.FAILED ? error : null);
    }

    private void finish(ClaimedJob job, JobStatus status, @Nullable String error) {
        if (store.finish(job.id(), job.attempt(), status, error)) {
            meters.finished(status);
        } else {
            log.warn("Job {} was taken over by another instance; its {} here is not recorded", job.id(), status);
        }
    }
}
