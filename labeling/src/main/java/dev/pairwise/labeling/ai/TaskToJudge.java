package dev.pairwise.labeling.ai;

import dev.pairwise.labeling.task.ShownResponse;
import java.util.List;

/**
 * One comparison task as a judge is shown it: the prompt and the responses in the task's stored
 * order (the judge is asked in this order and in its reverse), without their origins.
 */
public record TaskToJudge(long taskId, long projectId, long promptId, String prompt, List<ShownResponse> responses) {

    public TaskToJudge {
        responses = List.copyOf(responses);
    }

    /** The response ids in the stored order. */
    public List<Long> order() {
        return responses.stream().map(ShownResponse::id).toList();
    }
}
