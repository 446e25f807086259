package dev.pairwise.labeling.quality;

import dev.pairwise.labeling.InvalidInputException;
import dev.pairwise.labeling.project.Routing;

/**
 * A project's label-quality settings.
 *
 * @param goldRate           chance, 0..1, that a labeler's next task is a gold task they have not
 *                           seen; 0 (the default) mixes in none. 0.05–0.1 is common practice: enough
 *                           gold per labeler to measure, little labeling time spent on known answers
 * @param goldMinAccuracy    a labeler whose gold accuracy is below this (after
 *                           {@link GoldAccuracy#MIN_JUDGED} gold tasks) is flagged; 0.7 by default
 * @param goldPause          such a labeler is also paused: they get no tasks of the project
 * @param reviewDisagreement a task goes to review when its labelers disagree on at least this share
 *                           of the response pairs they both ranked strictly (0 &lt; x ≤ 1); 0.34 by
 *                           default: with three labelers, one dissenting on one pair is enough
 * @param repeatRate         chance, 0..1, that a labeler's next task is one they already judged,
 *                           shown again with its responses in another order (unmarked); 0 (the
 *                           default) repeats none. Their two answers give their self-consistency
 * @param routing            the order open tasks are handed out in: FIFO (the default) or
 *                           UNCERTAINTY, smallest margin of the project's latest reward model first
 */
public record QualitySettings(double goldRate, double goldMinAccuracy, boolean goldPause, double reviewDisagreement,
                              double repeatRate, Routing routing) {

    /** The defaults of a new project: no gold, flag below 70 %, no pausing, review at 34 % disagreement, no repeats, FIFO. */
    public static final QualitySettings DEFAULTS = new QualitySettings(0, 0.7, false, 0.34, 0, Routing.FIFO);

    /** FIFO routing with the given rates. */
    public QualitySettings(double goldRate, double goldMinAccuracy, boolean goldPause, double reviewDisagreement,
                           double repeatRate) {
        this(goldRate, goldMinAccuracy, goldPause, reviewDisagreement, repeatRate, Routing.FIFO);
    }

    /** Checks the ranges, naming the bad field. */
    public QualitySettings validated() {
        if (!(goldRate >= 0 && goldRate <= 1)) {
            throw new InvalidInputException("goldRate", "goldRate must be between 0 and 1, was " + goldRate);
        }
        if (!(goldMinAccuracy >= 0 && goldMinAccuracy <= 1)) {
            throw new InvalidInputException("goldMinAccuracy",
                    "goldMinAccuracy must be between 0 and 1, was " + goldMinAccuracy);
        }
        if (!(reviewDisagreement > 0 && reviewDisagreement <= 1)) {
            throw new InvalidInputException("reviewDisagreement",
                    "reviewDisagreement must be above 0 and at most 1, was " + reviewDisagreement);
        }
        if (!(repeatRate >= 0 && repeatRate <= 1)) {
            throw new InvalidInputException("repeatRate", "repeatRate must be between 0 and 1, was " + repeatRate);
        }
        if (routing == null) {
            throw new InvalidInputException("routing", "routing must be FIFO or UNCERTAINTY");
        }
        return this;
    }
}
