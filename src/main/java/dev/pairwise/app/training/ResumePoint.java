package dev.pairwise.app.training;

import dev.pairwise.app.jobs.JobContext;
import dev.pairwise.app.jobs.config.ConfigField;
import dev.pairwise.policy.checkpoint.Checkpoints;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * Resume points of the trainers: a checkpoint folder with {@code trainer_state.json} (step,
 * optimizer moments; every trainer writes one), saved every {@code checkpointEvery} steps and
 * when the job is stopped, and recorded as the job's checkpoint so that a restart of the app
 * continues from it. The trainers draw batches and samples as functions of (seed, step), so a
 * resumed run repeats a straight run.
 */
final class ResumePoint {

    /** Writes a resume point into a folder. */
    interface Save {
        void to(Path dir) throws IOException;
    }

    private ResumePoint() {
    }

    /** The {@code checkpointEvery} config field every resumable trainer shows. */
    static ConfigField field(long defaultEvery, String unit) {
        return ConfigField.integer("checkpointEvery", "Resume point every", defaultEvery, 1, 1_000_000,
                unit + " between saved resume points; a restart of the app continues from the last one.");
    }

    /**
     * A resumable trainer's fields: its own, then {@code checkpointEvery} ({@link #field}) and
     * {@code seed}. Batches and samples are functions of (seed, step), which is what lets a resumed
     * run repeat a straight one.
     */
    static List<ConfigField> withResumeAndSeed(List<ConfigField> own, long defaultEvery, String unit, long defaultSeed,
                                               String seedHint) {
        return Stream.concat(own.stream(), Stream.of(field(defaultEvery, unit),
                ConfigField.integer("seed", "Seed", defaultSeed, Integer.MIN_VALUE, Integer.MAX_VALUE, seedHint))).toList();
    }

    /** The job's resume point, when it has a complete training checkpoint; else null (start afresh). */
    static @Nullable Path of(JobContext ctx) {
        Path dir = ctx.resumeFrom();
        return dir != null && Files.isRegularFile(dir.resolve(Checkpoints.TRAINER_STATE)) ? dir : null;
    }

    /** After every {@code every}-th step but the last (which the executor saves as the result). */
    static Reporter.AfterStep every(int every, Path dir, JobContext ctx, Save save) {
        return (step, total) -> {
            if (step % every == 0 && step < total) {
                save.to(dir);
                ctx.checkpoint(dir);
            }
        };
    }

    /** Saves a resume point of a stopped run and records it as the job's checkpoint. */
    static void stopped(int step, Path dir, JobContext ctx, Save save) throws IOException {
        save.to(dir);
        ctx.checkpoint(dir);
        ctx.log("stopped at step " + step + "; resume point saved");
    }
}
