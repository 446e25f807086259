package dev.pairwise.app.quality;

import dev.pairwise.app.agreement.Agreement;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One labeler in a project's labelers table.
 *
 * @param judgments      their judgments of the project's tasks
 * @param agreement      against the leave-one-out consensus of the others ({@link Agreement});
 *                       null when they shared no task with another labeler
 * @param goldJudged     gold tasks they judged
 * @param goldAccuracy   share of the gold rankings' strictly ordered pairs they ordered the same
 *                       way; NaN before any
 * @param position       first-shown response ranked above the second-shown, against 0.5
 * @param length         longest response ranked above the shortest, against the others' rate
 * @param speed          judgments faster than the others' median time, against 0.5 (a sign test)
 * @param medianMs       their median time on task; null when no time is known
 * @param speedRatio     their median over the others' median; NaN when either is unknown
 * @param repeats        position-swapped repeats they answered (a task they judged, shown again
 *                       with the responses reversed)
 * @param selfConsistency share of the strictly ranked response pairs of those repeats that they
 *                       ordered as the first time; NaN before any
 * @param pausedReason   why they are paused in this project; null when they are not
 * @param flags          what is wrong: {@code position}, {@code length}, {@code speed}, {@code gold}
 */
public record LabelerRow(long labelerId, String labeler, int judgments,
                         Agreement.@Nullable LabelerAgreement agreement, int goldJudged, double goldAccuracy,
                         BiasTest position, BiasTest length, BiasTest speed, @Nullable Long medianMs,
                         double speedRatio, int repeats, double selfConsistency, @Nullable String pausedReason,
                         List<String> flags) {

    /** Whether anything is flagged. */
    public boolean flagged() {
        return !flags.isEmpty();
    }
}
