package dev.pairwise.app.jobs;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.stereotype.Component;

/**
 * Micrometer meters of the runner (Prometheus: {@code pairwise_jobs_*}): queue length (read from
 * the database at scrape time), whether a job is running, finished jobs by final status, jobs
 * recovered from stopped instances, the time per training step, and the last loss any job reported.
 */
@Component
class JobMetrics {

    private final MeterRegistry registry;
    private final AtomicInteger running = new AtomicInteger();
    private final AtomicLong lastLossBits = new AtomicLong(Double.doubleToLongBits(Double.NaN));
    private final Timer stepTime;
    private final Counter recovered;

    JobMetrics(MeterRegistry registry, TrainingJobRepository jobs) {
        this.registry = registry;
        Gauge.builder("pairwise.jobs.queued", jobs, r -> r.countByStatus(JobStatus.QUEUED))
                .description("Jobs waiting for the training thread").register(registry);
        Gauge.builder("pairwise.jobs.running", running, AtomicInteger::get)
                .description("1 while a job runs on the training thread").register(registry);
        Gauge.builder("pairwise.jobs.last.loss", lastLossBits, b -> Double.longBitsToDouble(b.get()))
                .description("The last 'loss' metric a job reported").register(registry);
        stepTime = Timer.builder("pairwise.jobs.step.time")
                .description("Wall time between two progress reports of a job").register(registry);
        recovered = Counter.builder("pairwise.jobs.recovered")
                .description("Running jobs of stopped app instances that this instance re-queued, cancelled or failed")
                .register(registry);
        for (JobStatus s : JobStatus.values()) {
            if (s.isFinal()) {
                finishedCounter(s);
            }
        }
    }

    void running(boolean on) {
        running.set(on ? 1 : 0);
    }

    void finished(JobStatus status) {
        finishedCounter(status).increment();
    }

    void recovered() {
        recovered.increment();
    }

    void step(Duration d) {
        stepTime.record(d);
    }

    /** Records {@code loss} and names ending in {@code /loss} ({@code train/loss}). */
    void metric(String name, double value) {
        if (name.equals("loss") || name.endsWith("/loss")) {
            lastLossBits.set(Double.doubleToLongBits(value));
        }
    }

    private Counter finishedCounter(JobStatus status) {
        return Counter.builder("pairwise.jobs.finished").tag("status", status.name())
                .description("Jobs that ended, by final status").register(registry);
    }
}
