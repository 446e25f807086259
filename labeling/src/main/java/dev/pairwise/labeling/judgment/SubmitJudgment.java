package dev.pairwise.labeling.judgment;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A labeler's judgment of a leased task.
 *
 * @param taskId          the task (from {@code NextTask})
 * @param idempotencyKey  client-made unique key (e.g. a UUID per page load); a retry with the
 *                        same key returns the first result and stores nothing new. 1..100 chars.
 * @param presentedOrder  response ids in the order they were shown
 * @param tiers           response ids, best tier first; ties share a tier
 * @param likert          optional 1..7 score per response id
 * @param flags           optional flags per response id
 * @param allBad          "all responses are bad": then {@code betterAnswer} is required
 * @param betterAnswer    the labeler's own answer; stored as a demonstration and ranked above all
 * @param rationale       optional free text
 * @param timeOnTaskMs    time from showing the task to submit, measured by the client
 */
public record SubmitJudgment(long taskId, @Nullable String idempotencyKey, @Nullable List<Long> presentedOrder,
                             @Nullable List<List<Long>> tiers, @Nullable Map<Long, Integer> likert,
                             @Nullable Map<Long, Set<ResponseFlag>> flags, boolean allBad,
                             @Nullable String betterAnswer, @Nullable String rationale,
                             @Nullable Long timeOnTaskMs) {
}
