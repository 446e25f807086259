package dev.pairwise.labeling.task;

import java.time.Instant;
import java.util.List;

/**
 * A task leased to the caller: the prompt and its responses in the order to show them (that
 * order is stored and must come back, unchanged, in the judgment).
 *
 * @param taskId         what to submit the judgment for
 * @param projectId      the project
 * @param projectName    for the page title
 * @param guidelines     the project's markdown guidelines
 * @param prompt         the prompt (markdown)
 * @param responses      2..9 responses, in presented order
 * @param presentedOrder response ids in presented order (same as {@code responses})
 * @param leaseExpiresAt when the task returns to the pool if not submitted
 */
public record NextTask(long taskId, long projectId, String projectName, String guidelines, long promptId,
                       String prompt, List<ShownResponse> responses, List<Long> presentedOrder,
                       Instant leasedAt, Instant leaseExpiresAt) {
}
