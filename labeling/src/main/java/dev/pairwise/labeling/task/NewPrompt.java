package dev.pairwise.labeling.task;

import java.util.List;

/**
 * A prompt to add to a project with the responses to rank (2..K of them); becomes one task.
 *
 * @param text      the prompt (markdown)
 * @param responses the candidate answers, each with its origin
 */
public record NewPrompt(String text, List<NewResponse> responses) {

    /** One candidate answer and who wrote it. */
    public record NewResponse(String text, Origin origin) {
    }
}
