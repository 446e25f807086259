package dev.pairwise.labeling.task;

import java.util.List;

/** Ids created by {@link TaskService#addPrompt}: the prompt, its responses (input order), its task. */
public record AddedPrompt(long promptId, List<Long> responseIds, long taskId) {
}
