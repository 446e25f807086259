package dev.pairwise.app.jobs;

import jakarta.annotation.PreDestroy;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
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
 * each to its end before the next (DJL allows one gradient collector per JVM). Started when the
 * app is ready, after rows left RUNNING by the last stop are recovered; stopped on shutdown,
 * which interrupts the job in flight and leaves it RUNNING, so the next start resumes or fails it.
 */
@Component
class JobRunner {

    private static final Logger log = LoggerFactory.getLogger(JobRunner.class);

    private final JobStore store;
    private final ModelRegistry registry;
    private final JobExecutors executors;
    private final JobMetrics meters;
    private final Clock clock;
    private final Path checkpointRoot;
    private final AtomicReference<@Nullable RunningContext> current = new AtomicReference<>();
    private @Nullable ExecutorService worker;
    private volatile boolean stopping;
    /** How long a stopping app waits for the running executor to notice and return. */
    static final int STOP_GRACE_SECONDS = 20;

    JobRunner(JobStore store, ModelRegistry registry, JobExecutors executors, JobMetrics meters, Clock clock,
              @Value("${pairwise.jobs.checkpoint-dir:./data/checkpoints}") Path checkpointRoot) {
        this.store = store;
        this.registry = registry;
        this.executors = executors;
        this.meters = meters;
        this.clock = clock;
        this.checkpointRoot = checkpointRoot;
    }

    @EventListener(ApplicationReadyEvent.class)
    void onReady() {
        recover();
        start();
    }

    /** Resolves rows left RUNNING by a stopped app (see {@link JobStore#recoverAfterRestart}). */
    List<JobStore.Recovered> recover() {
        List<JobStore.Recovered> recovered = store.recoverAfterRestart(executors::canResume);
        for (JobStore.Recovered r : recovered) {
            log.info("Job {} was running when the app stopped: now {}", r.id(), r.status());
            if (r.status().isFinal()) {
                meters.finished(r.status());
            }
        }
        wake();
        return recovered;
    }

    synchronized void start() {
        if (worker == null) {
            stopping = false;
            worker = Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, "pairwise-training");
                t.setDaemon(true);
                return t;
            });
        }
        wake();
    }

    /** Asks the training thread to look for queued jobs; harmless when there are none. */
    synchronized void wake() {
        if (worker != null && !worker.isShutdown()) {
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
     * close H2's file channel.
     */
    @PreDestroy
    void stop() throws InterruptedException {
        ExecutorService w;
        synchronized (this) {
            w = worker;
            worker = null;
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
    }

    private void drain() {
        try {
            while (!stopping) {
                Optional<ClaimedJob> next = store.claimNext();
                if (next.isEmpty()) {
                    return;
                }
                runOne(next.get());
            }
        } catch (RuntimeException e) {
            // The database went away (or similar): queued jobs wait for the next wake-up or start.
            log.error("The training thread could not read or update the job queue", e);
        }
    }

    private void runOne(ClaimedJob job) {
        Optional<JobExecutor> executor = executors.find(job.type());
        if (executor.isEmpty()) {
            finish(job.id(), JobStatus.FAILED, "No trainer is installed for " + job.type() + " jobs");
            return;
        }
        RunningContext ctx;
        try {
            ctx = new RunningContext(job, store, registry, meters, clock, checkpointRoot);
        } catch (RuntimeException e) {
            finish(job.id(), JobStatus.FAILED, "Bad stored config: " + e.getMessage());
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
            if (outcome == JobStatus.FAILED && !stopping) {
                log.warn("Job {} ({}) failed", job.id(), job.type(), e);
            }
        } finally {
            current.set(null);
            meters.running(false);
        }
        if (!ctx.wasCancelled() && (ctx.stopObserved() || (stopping && threw))) {
            log.info("Job {} interrupted by shutdown; left RUNNING for the next start", job.id());
            return;
        }
        finish(job.id(), outcome, outcome == JobStatus.FAILED ? error : null);
    }

    private void finish(long id, JobStatus status, @Nullable String error) {
        store.finish(id, status, error);
        meters.finished(status);
    }
}
