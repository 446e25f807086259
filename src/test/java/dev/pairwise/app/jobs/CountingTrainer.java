package dev.pairwise.app.jobs;

import dev.pairwise.app.jobs.config.ConfigField;
import dev.pairwise.app.jobs.config.JobSettings;
import dev.pairwise.app.registry.CheckpointKind;
import dev.pairwise.labeling.InvalidInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.JsonNode;

/**
 * A real, tiny REWARD executor for the runner's tests: it "trains" on the preference pairs in
 * {@link #pairs} (a stand-in for the pair table) by counting steps, sleeping {@code stepMillis}
 * each, checking for a cancel between steps, writing a checkpoint folder (a {@code step} file)
 * every {@code checkpointEvery} steps and resuming from the last one. With {@code holdAt}, a
 * first run (not a resumed one) stays at that step until it is cancelled or the app stops.
 */
class CountingTrainer implements JobExecutor {

    /** What one call of {@link #run} saw and did. */
    record Run(long jobId, long startStep, long lastStep, List<Long> dataset) {
    }

    /** Its declared fields: the limits submission checks (the other keys it reads are not checked). */
    static final List<ConfigField> FIELDS = List.of(
            ConfigField.checkpoint("baseCheckpoint", "Base", List.of(CheckpointKind.BASE, CheckpointKind.SFT), false,
                    "What its result is registered as trained from."),
            ConfigField.integer("steps", "Steps", 5, 1, 1_000_000, "Steps to count."),
            ConfigField.integer("stepMillis", "Step time (ms)", 2, 0, 10_000, "Sleep per step."),
            ConfigField.integer("checkpointEvery", "Resume point every", 2, 1, 1_000_000, "Steps between checkpoints."),
            ConfigField.number("learningRate", "Learning rate", 1e-3, 1e-8, 1, "Not used; a bounded number to refuse."));

    final List<Long> pairs = new CopyOnWriteArrayList<>();
    final List<Run> runs = new CopyOnWriteArrayList<>();
    final List<Long> startOrder = new CopyOnWriteArrayList<>();
    final AtomicInteger active = new AtomicInteger();
    final AtomicInteger maxActive = new AtomicInteger();

    @Override
    public JobType type() {
        return JobType.REWARD;
    }

    @Override
    public List<ConfigField> fields() {
        return FIELDS;
    }

    @Override
    public List<Long> prepare(JobSettings settings) {
        JsonNode config = settings.json();
        if (config.has("margin") && !config.get("margin").isNumber()) {
            throw new InvalidInputException("config.margin", "margin must be a number");
        }
        return List.copyOf(pairs);
    }

    @Override
    public boolean supportsResume() {
        return true;
    }

    @Override
    public void run(JobContext ctx) throws Exception {
        startOrder.add(ctx.jobId());
        maxActive.accumulateAndGet(active.incrementAndGet(), Math::max);
        long steps = ctx.config().has("steps") ? ctx.config().get("steps").longValue() : 5;
        long stepMillis = ctx.config().has("stepMillis") ? ctx.config().get("stepMillis").longValue() : 2;
        long every = ctx.config().has("checkpointEvery") ? ctx.config().get("checkpointEvery").longValue() : 2;
        long start = ctx.resumeFrom() == null ? 0 : Long.parseLong(Files.readString(ctx.resumeFrom().resolve("step")));
        long step = start;
        try {
            ctx.log("start at step " + start + " on " + ctx.dataset().size() + " pairs");
            while (step < steps && !ctx.isCancelled()) {
                if (stepMillis > 0) {
                    Thread.sleep(stepMillis);
                }
                step++;
                if (ctx.config().has("failAt") && step == ctx.config().get("failAt").longValue()) {
                    throw new IllegalStateException("loss is NaN at step " + step);
                }
                ctx.progress(step, steps);
                ctx.metric("loss", 1.0 / step);
                if (ctx.config().has("logEveryStep")) {
                    ctx.log("step " + step);
                }
                if (step % every == 0) {
                    Path dir = Files.createDirectories(ctx.checkpointDir().resolve("step-" + step));
                    Files.writeString(dir.resolve("step"), Long.toString(step));
                    ctx.checkpoint(dir);
                }
                if (ctx.config().has("holdAt") && ctx.resumeFrom() == null
                        && step == ctx.config().get("holdAt").longValue()) {
                    while (!ctx.isCancelled()) { // a first run waits here until it is cancelled or stopped
                        Thread.sleep(1);
                    }
                }
            }
            if (step == steps && ctx.config().has("publish")) {
                Path dir = Files.createDirectories(ctx.checkpointDir().resolve("final"));
                Files.writeString(dir.resolve("step"), Long.toString(step));
                ctx.publish(CheckpointKind.REWARD, dir, ctx.config().get("baseCheckpoint").longValue(),
                        "{\"heldOutAccuracy\": 0.75}");
            }
        } finally {
            runs.add(new Run(ctx.jobId(), start, step, ctx.dataset()));
            active.decrementAndGet();
        }
    }

    Run lastRunOf(long jobId) {
        return runs.stream().filter(r -> r.jobId() == jobId).reduce((a, b) -> b).orElseThrow();
    }
}
