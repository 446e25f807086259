package dev.pairwise.labeling.progress;

import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Where one labeler stands in a project: what they did and what they can still do.
 *
 * @param done          their judgments in the project
 * @param left          tasks they can still do: not completed, and never judged by them nor lost
 *                      to an expired lease of theirs (the task they hold and the ones they
 *                      skipped count)
 * @param skipped       of {@code left}, the tasks they skipped (they come back last)
 * @param timeOnTaskMs  the time their judgments took, summed
 * @param firstAt       their first judgment here, null before it
 * @param lastAt        their latest judgment here, null before it
 */
public record LabelerQueue(long done, long left, long skipped, long timeOnTaskMs, @Nullable Instant firstAt,
                           @Nullable Instant lastAt) {

    /** The number of the task in hand: the one after those done. */
    public long position() {
        return done + 1;
    }

    /** Everything this labeler did or can still do here: the "13" of "3 of 13". */
    public long total() {
        return done + left;
    }

    public Duration timeOnTask() {
        return Duration.ofMillis(timeOnTaskMs);
    }
}
