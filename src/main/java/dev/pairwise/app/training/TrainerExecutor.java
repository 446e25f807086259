package dev.pairwise.app.training;

import dev.pairwise.app.jobs.ExecutorBase;
import dev.pairwise.app.jobs.JobContext;
import dev.pairwise.app.jobs.JobType;
import dev.pairwise.app.jobs.config.ConfigField;
import dev.pairwise.app.registry.CheckpointKind;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The run every resumable trainer shares (pretraining, SFT, reward model, DPO, PPO): set up the
 * models and the trainer ({@link #open}), restore the job's resume point if it has one, log what
 * is trained, train with a {@link Reporter} that saves a resume point every
 * {@code checkpointEvery} steps; when stopped, save a resume point and return; else save the
 * result into {@code <job folder>/model} and publish it with its headline metrics. An executor
 * writes only what differs: its fields, its {@code prepare} and its {@link #open}.
 */
abstract class TrainerExecutor extends ExecutorBase {

    private final CheckpointKind publishes;

    TrainerExecutor(JobType type, List<ConfigField> fields, CheckpointKind publishes) {
        super(type, fields, true);
        this.publishes = publishes;
    }

    /**
     * Loads what this run trains and builds its trainer, from the resume point when there is one
     * (the template restores the trainer's state from it afterwards). Everything that must be
     * closed goes into {@code opened}, which closes it when the run ends, however it ends.
     */
    abstract Training open(JobContext ctx, @Nullable Path resume, Opened opened) throws Exception;

    @Override
    public final void run(JobContext ctx) throws Exception {
        Path resume = ResumePoint.of(ctx);
        try (Opened opened = new Opened()) {
            Training training = open(ctx, resume, opened);
            if (resume != null) {
                training.restore().from(resume);
            }
            ctx.log(training.describe().get());
            Path dir = ctx.checkpointDir().resolve("model");
            ResumePoint.Save save = training.save();
            Reporter reporter = new Reporter(ctx, ResumePoint.every(ctx.settings().integer("checkpointEvery"), dir, ctx, save));
            Outcome outcome = training.loop().run(reporter, ctx::isCancelled);
            if (outcome.cancelled()) {
                ResumePoint.stopped(outcome.steps(), dir, ctx, save);
                return;
            }
            save.to(dir);
            ctx.publish(publishes, dir, training.parent(), JsonSupport.metrics(outcome.headline().afterSave()));
        }
    }

    /**
     * One run's trainer as the template drives it.
     *
     * @param parent   the registry id the result is trained from, or null
     * @param restore  restores the trainer's state (step, optimizer moments) from a resume point
     * @param save     writes a resume point, which is also the result's folder
     * @param describe the run's first log line, taken after the restore (so it can name the step)
     * @param loop     trains until done or cancelled
     */
    record Training(@Nullable Long parent, Restore restore, ResumePoint.Save save, Supplier<String> describe,
                    Loop loop) {
    }

    /** The start of a headline: the steps done and the last training loss, as every loss-driven trainer reports. */
    static Map<String, Number> headline(int steps, double loss) {
        Map<String, Number> headline = new LinkedHashMap<>();
        headline.put("steps", (long) steps);
        headline.put("loss", loss);
        return headline;
    }

    /** Restores a trainer's state from a resume point. */
    interface Restore {
        void from(Path resumePoint) throws IOException;
    }

    /** The trainer's own loop, reporting through the reporter and stopping when cancelled. */
    interface Loop {
        Outcome run(Reporter reporter, BooleanSupplier cancelled) throws Exception;
    }

    /** The headline metrics of a finished run, taken after its result is saved. */
    interface Headline {
        Map<String, Number> afterSave() throws Exception;
    }

    /** How a loop ended: stopped (cancelled) after {@code steps}, or done with its headline. */
    record Outcome(boolean cancelled, int steps, Headline headline) {
    }

    /** What a run opened (models, trainers), closed in reverse order when the run ends. */
    static final class Opened implements AutoCloseable {

        private final Deque<AutoCloseable> resources = new ArrayDeque<>();

        /** Takes {@code resource} to close at the end of the run and returns it. */
        <T extends AutoCloseable> T add(T resource) {
            resources.push(resource);
            return resource;
        }

        @Override
        public void close() throws Exception {
            Exception first = null;
            while (!resources.isEmpty()) {
                try {
                    resources.pop().close();
                } catch (Exception e) {
                    if (first == null) {
                        first = e;
                    } else {
                        first.addSuppressed(e);
                    }
                }
            }
            if (first != null) {
                throw first;
            }
        }
    }
}
