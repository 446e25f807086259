package dev.pairwise.labeling.export;

import java.time.Instant;
import java.util.List;

/**
 * One labeler's judgment of one task, as the judgments export writes it: the tiers of response
 * ids, best first (responses in one tier are tied), and who made it (their account's username).
 * An adjudicated ranking ({@code adjudicated}) names the reviewer who decided it; an AI judge's
 * ranking ({@code ai}) names the judge's AI account.
 */
public record JudgmentRow(long judgmentId, long taskId, String labeler, List<List<Long>> tiers, Instant createdAt,
                          boolean adjudicated, boolean ai) {
}
