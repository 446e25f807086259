package dev.pairwise.app.training;

import dev.pairwise.app.jobs.JobContext;
import dev.pairwise.app.jobs.config.JobSettings;
import dev.pairwise.app.registry.CheckpointKind;
import dev.pairwise.app.registry.CheckpointView;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A job context for running one executor directly on the test's thread: records what the
 * executor reports, and turns cancelled once {@code cancelAfter} steps are reported (0 = never).
 * Published checkpoints are recorded, not registered.
 */
final class RecordingContext implements JobContext {

    record Point(long step, String name, double value) {
    }

    private final JobSettings settings;
    private final @Nullable Path resumeFrom;
    private final Path dir;
    private final long cancelAfter;
    private final List<Long> dataset;
    final List<Long> steps = new ArrayList<>();
    final List<Point> metrics = new ArrayList<>();
    final List<String> log = new ArrayList<>();
    @Nullable Path checkpoint;
    @Nullable Path published;
    private long step;

    RecordingContext(JobSettings settings, List<Long> dataset, @Nullable Path resumeFrom, Path dir, long cancelAfter) {
        this.settings = settings;
        this.dataset = List.copyOf(dataset);
        this.resumeFrom = resumeFrom;
        this.dir = dir;
        this.cancelAfter = cancelAfter;
    }

    @Override
    public long jobId() {
        return -1;
    }

    @Override
    public JobSettings settings() {
        return settings;
    }

    @Override
    public List<Long> dataset() {
        return dataset;
    }

    @Override
    public @Nullable Path resumeFrom() {
        return resumeFrom;
    }

    @Override
    public Path checkpointDir() {
        return dir;
    }

    @Override
    public void progress(long step, long total) {
        this.step = step;
        steps.add(step);
    }

    @Override
    public void metric(String name, double value) {
        metrics.add(new Point(step, name, value));
    }

    @Override
    public void log(String line) {
        log.add(line);
    }

    @Override
    public void checkpoint(Path dir) {
        checkpoint = dir;
    }

    @Override
    public CheckpointView publish(CheckpointKind kind, Path dir, @Nullable Long parentId, @Nullable String metricsJson) {
        published = dir;
        checkpoint = dir;
        return new CheckpointView(0, "recorded", kind, dir.toString(), parentId, null, metricsJson == null ? "{}" : metricsJson,
                Instant.now());
    }

    @Override
    public boolean isCancelled() {
        return cancelAfter > 0 && step >= cancelAfter;
    }

    /** The value of metric {@code name} at {@code step}. */
    double at(long step, String name) {
        return metrics.stream().filter(p -> p.step() == step && p.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + name + " at step " + step)).value();
    }
}
