package dev.pairwise.labeling.ai;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A verdict to store: what the judge answered in both orders and what came of it.
 *
 * @param forwardOrder    response ids in the order the judge saw first (the task's stored order)
 * @param forwardAnswer   the judge's raw answer in that order (null when no answer came)
 * @param forwardRanking  the ranking read from it, as tiers of response ids, or null when unreadable
 * @param reversedAnswer  the raw answer with the responses in reverse order
 * @param reversedRanking the ranking read from it, or null
 * @param outcome         what the verdict is
 * @param tiers           the ranking stored as the judgment (RANKED, TIE); null for ABSTAIN
 * @param reason          why a verdict is a tie or an abstention, for people; null for a clean RANKED
 */
public record NewAiVerdict(long taskId, @Nullable Long jobId, List<Long> forwardOrder,
                           @Nullable String forwardAnswer, @Nullable List<List<Long>> forwardRanking,
                           @Nullable String reversedAnswer, @Nullable List<List<Long>> reversedRanking,
                           AiOutcome outcome, @Nullable List<List<Long>> tiers, @Nullable String reason) {

    public NewAiVerdict {
        if ((outcome == AiOutcome.ABSTAIN) != (tiers == null)) {
            throw new IllegalArgumentException("a " + outcome + " verdict " + (tiers == null ? "needs" : "has no") + " tiers");
        }
    }
}
