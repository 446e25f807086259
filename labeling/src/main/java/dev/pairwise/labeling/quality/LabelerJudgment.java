package dev.pairwise.labeling.quality;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One labeler's judgment of a task, as the bias statistics read it.
 *
 * @param presentedOrder response ids in the order the labeler was shown them (left/first first)
 * @param tiers          their ranking, best tier first; responses in one tier tie
 * @param timeOnTaskMs   as the client measured it (else the lease's age); null when unknown
 * @param gold           the task is a gold task
 */
public record LabelerJudgment(long judgmentId, long taskId, long labelerId, String labeler,
                              List<Long> presentedOrder, List<List<Long>> tiers, @Nullable Long timeOnTaskMs,
                              boolean gold) {
}
