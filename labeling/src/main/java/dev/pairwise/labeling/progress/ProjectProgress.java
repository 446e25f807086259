package dev.pairwise.labeling.progress;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * How far a project is.
 *
 * @param tasks              comparison tasks
 * @param tasksDone          tasks with all the judgments they want (overlap)
 * @param judgmentsWanted    tasks × overlap
 * @param judgments          judgments by labelers
 * @param importedJudgments  pre-judged comparisons imported from files
 * @param aiJudgments        rankings by AI judges (AI_JUDGE jobs); not in {@code judgments}, nor in tasksDone
 * @param pairs              preference pairs (labeled and imported)
 * @param activeLeases       tasks held right now
 * @param medianTimeMs       median time on task over all labelers, null if none recorded
 * @param labelers           per labeler, most judgments first
 */
public record ProjectProgress(long projectId, long tasks, long tasksDone, long judgmentsWanted, long judgments,
                              long importedJudgments, long aiJudgments, long pairs, long activeLeases, @Nullable Long medianTimeMs,
                              List<LabelerProgress> labelers) {
}
