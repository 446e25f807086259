package dev.pairwise.app.api;

import dev.pairwise.labeling.progress.LabelerQueue;
import dev.pairwise.labeling.progress.ProgressService;
import dev.pairwise.labeling.task.AssignmentService;
import dev.pairwise.labeling.task.NextTask;
import jakarta.annotation.security.RolesAllowed;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Labeling over HTTP (labelers), besides the two calls of every labeling round ({@code tasks/next}
 * and {@code judgments}, in {@link LabelingCalls}): skip a task (it comes back at the end of the
 * queue; the last skip can be undone), and see where one stands in the project.
 *
 * <p>{@code @RolesAllowed("LABELER")}, the same check as {@code hasRole('LABELER')} (there is no
 * role hierarchy), without evaluating an expression on every call.
 */
@RestController
class TasksController {

    private final AssignmentService assignment;
    private final ProgressService progress;
    private final Caller caller;

    TasksController(AssignmentService assignment, ProgressService progress, Caller caller) {
        this.assignment = assignment;
        this.progress = progress;
        this.caller = caller;
    }

    /** 204; the task comes back to the caller after their other open tasks. */
    @PostMapping("/api/tasks/{taskId}/skip")
    @RolesAllowed("LABELER")
    ResponseEntity<Void> skip(@PathVariable long taskId, Authentication auth) {
        assignment.skip(taskId, caller.id(auth));
        return ResponseEntity.noContent().build();
    }

    /** 200 with the task skipped last, leased again; 404 when none, 409 when others filled it. */
    @PostMapping("/api/projects/{projectId}/skips/undo")
    @RolesAllowed("LABELER")
    NextTask undoSkip(@PathVariable long projectId, Authentication auth) {
        return assignment.undoLastSkip(projectId, caller.id(auth));
    }

    /**
     * Where the caller stands in a project ("task 3 of 13"). Apart from {@code tasks/next}, which
     * must stay a few index look-ups: this one counts the project's open tasks.
     */
    @GetMapping("/api/projects/{projectId}/tasks/queue")
    @RolesAllowed("LABELER")
    QueueAnswer queue(@PathVariable long projectId, Authentication auth) {
        LabelerQueue q = progress.ofLabeler(projectId, caller.id(auth));
        return new QueueAnswer(q.done(), q.left(), q.skipped(), q.position(), q.total(), q.timeOnTaskMs());
    }

    /**
     * @param done          the caller's judgments in the project
     * @param left          tasks they can still do (the one they hold and those they skipped included)
     * @param skipped       of those, the ones they skipped
     * @param position      the number of the task in hand, {@code done + 1}
     * @param total         {@code done + left}
     * @param timeOnTaskMs  their judgments' time on task, summed
     */
    record QueueAnswer(long done, long left, long skipped, long position, long total, long timeOnTaskMs) {
    }
}
