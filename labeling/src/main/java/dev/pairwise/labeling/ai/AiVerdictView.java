package dev.pairwise.labeling.ai;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A stored verdict as the API shows it, raw answers included. */
public record AiVerdictView(long id, long taskId, String judge, @Nullable Long jobId, AiOutcome outcome,
                            @Nullable String reason, @Nullable Long judgmentId, String forwardOrder,
                            @Nullable String forwardAnswer, @Nullable String forwardRanking,
                            @Nullable String reversedAnswer, @Nullable String reversedRanking, Instant createdAt) {
}
