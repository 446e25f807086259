package dev.pairwise.app.jobs;

import ai.djl.Device;
import dev.pairwise.app.jobs.config.ConfigField;
import dev.pairwise.app.jobs.config.JobSettings;
import dev.pairwise.app.registry.CheckpointKind;
import dev.pairwise.app.registry.CheckpointView;
import dev.pairwise.app.registry.NewCheckpoint;
import dev.pairwise.policy.device.Devices;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The {@link JobContext} of the job on the training thread. Each report is written at once in its
 * own transaction, so a crash loses at most the step in flight. The ETA extrapolates this run's
 * pace (steps since the first report of this run, over the time since then). A write that finds
 * the job taken over by another instance (its lease ran out here) marks the run lost: the trainer
 * is told to stop, and nothing more of this run is written.
 */
final class RunningContext implements JobContext {

    /** Lines kept in the log tail, and characters per line: the column holds 20,000. */
    static final int TAIL_LINES = 100;
    static final int LINE_CHARS = 190;

    private final ClaimedJob job;
    private final JobSettings settings;
    private final JobStore store;
    private final JobMetrics meters;
    private final Clock clock;
    private final Path checkpointRoot;
    private final Deque<String> tail = new ArrayDeque<>();
    private volatile boolean cancelled;
    private volatile boolean stopRequested;
    private volatile boolean stopObserved;
    private volatile boolean lost;
    private long step;
    private long firstStep = -1;
    private @Nullable Instant firstAt;
    private long lastNanos = -1;
    private @Nullable Device device;

    /** @throws dev.pairwise.labeling.InvalidInputException when the stored config does not pass {@code fields} */
    RunningContext(ClaimedJob job, List<ConfigField> fields, JobStore store, JobMetrics meters, Clock clock,
                   Path checkpointRoot) {
        this.job = job;
        this.settings = JobSettings.read(fields, job.config());
        this.store = store;
        this.meters = meters;
        this.clock = clock;
        this.checkpointRoot = checkpointRoot;
        this.step = job.step();
        if (!job.logTail().isEmpty()) {
            tail.addAll(Arrays.asList(job.logTail().split("\n", -1)));
        }
    }

    @Override
    public long jobId() {
        return job.id();
    }

    @Override
    public JobSettings settings() {
        return settings;
    }

    @Override
    public List<Long> dataset() {
        return job.datasetIds();
    }

    @Override
    public @Nullable Path resumeFrom() {
        return job.checkpointPath() == null ? null : Path.of(job.checkpointPath());
    }

    @Override
    public Path checkpointDir() {
        Path dir = checkpointRoot.resolve("job-" + job.id());
        try {
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create " + dir, e);
        }
    }

    @Override
    public void progress(long step, long total) {
        if (step < 0 || total < 0) {
            throw new IllegalArgumentException("step and total must not be negative: " + step + "/" + total);
        }
        long now = System.nanoTime();
        if (lastNanos >= 0 && step > this.step) {
            meters.step(Duration.ofNanos((now - lastNanos) / (step - this.step)));
        }
        lastNanos = now;
        this.step = step;
        Instant at = clock.instant();
        Long eta = null;
        if (firstAt == null) {
            firstStep = step;
            firstAt = at;
        } else if (step > firstStep && total >= step) {
            double elapsedSeconds = Duration.between(firstAt, at).toNanos() / 1e9;
            eta = Math.round(elapsedSeconds * (total - step) / (step - firstStep));
        }
        landed(store.progress(job.id(), job.attempt(), step, total, eta));
    }

    @Override
    public void metric(String name, double value) {
        if (name.isBlank() || name.length() > 100) {
            throw new IllegalArgumentException("A metric name has 1 to 100 characters: '" + name + "'");
        }
        if (lost) {
            return;
        }
        store.metric(job.id(), step, name, value);
        meters.metric(name, value);
    }

    @Override
    public void log(String line) {
        for (String l : line.split("\n")) {
            tail.addLast(l.length() <= LINE_CHARS ? l : l.substring(0, LINE_CHARS - 1) + "…");
            while (tail.size() > TAIL_LINES) {
                tail.removeFirst();
            }
        }
        landed(store.logTail(job.id(), job.attempt(), String.join("\n", tail)));
    }

    @Override
    public Device device() {
        if (device == null) {
            device = Devices.auto();
            String where = Devices.describe(device);
            landed(store.device(job.id(), job.attempt(), where));
            log("device: " + where);
        }
        return device;
    }

    @Override
    public void checkpoint(Path dir) {
        landed(store.checkpoint(job.id(), job.attempt(), dir.toAbsolutePath().normalize().toString()));
    }

    @Override
    public CheckpointView publish(CheckpointKind kind, Path dir, @Nullable Long parentId, @Nullable String metricsJson) {
        Path name = dir.getFileName();
        try {
            return store.publish(job.id(), job.attempt(), new NewCheckpoint(
                    job.type().name().toLowerCase() + "-job" + job.id() + "-" + (name == null ? "root" : name),
                    kind, dir.toAbsolutePath().normalize().toString(), parentId, job.id(), metricsJson));
        } catch (JobStore.TakenOver e) {
            lost = true;
            throw e;
        }
    }

    @Override
    public boolean isCancelled() {
        if (cancelled || lost) {
            return true;
        }
        if (stopRequested) {
            stopObserved = true;
            return true;
        }
        return false;
    }

    void cancel() {
        cancelled = true;
    }

    /** The app is stopping: the executor should return, leaving the job to resume at the next start. */
    void requestStop() {
        stopRequested = true;
    }

    /** Whether the executor saw the stop request (its return is then no success). */
    boolean stopObserved() {
        return stopObserved;
    }

    boolean wasCancelled() {
        return cancelled;
    }

    int attempt() {
        return job.attempt();
    }

    /** Another instance took the job over: this run must stop and write nothing more. */
    void lose() {
        lost = true;
    }

    boolean lost() {
        return lost;
    }

    private void landed(boolean written) {
        if (!written) {
            lost = true;
        }
    }
}
