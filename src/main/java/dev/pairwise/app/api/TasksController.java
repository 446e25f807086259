package dev.pairwise.app.api;

import dev.pairwise.labeling.judgment.JudgmentService;
import dev.pairwise.labeling.judgment.ResponseFlag;
import dev.pairwise.labeling.judgment.SubmitJudgment;
import dev.pairwise.labeling.judgment.SubmitResult;
import dev.pairwise.labeling.progress.LabelerQueue;
import dev.pairwise.labeling.progress.ProgressService;
import dev.pairwise.labeling.task.AssignmentService;
import dev.pairwise.labeling.task.NextTask;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.jspecify.annotations.Nullable;

/**
 * Labeling over HTTP (labelers): lease the next task of a project, submit a judgment of it, or
 * skip it (it comes back at the end of the queue; the last skip can be undone), and see where one
 * stands in the project. A submit carries an idempotency key (body field or {@code Idempotency-Key} header):
 * a retry with the same key answers 200 with the first result instead of storing again.
 *
 * <p>{@code @RolesAllowed("LABELER")}, the same check as {@code hasRole('LABELER')} (there is no
 * role hierarchy), without evaluating an expression on every call: these are the API's hottest.
 */
@RestController
class TasksController {

    private final AssignmentService assignment;
    private final JudgmentService judgments;
    private final ProgressService progress;
    private final Caller caller;

    TasksController(AssignmentService assignment, JudgmentService judgments, ProgressService progress, Caller caller) {
        this.assignment = assignment;
        this.judgments = judgments;
        this.progress = progress;
        this.caller = caller;
    }

    /** 200 with the task (the caller's held lease, or a new one), 204 when nothing is left. */
    @PostMapping("/api/projects/{projectId}/tasks/next")
    @RolesAllowed("LABELER")
    ResponseEntity<NextTask> next(@PathVariable long projectId, Authentication auth) {
        return assignment.next(projectId, caller.id(auth)).map(ResponseEntity::ok)
                .orElseGet(() -> ResponseEntity.noContent().build());
    }

    @PostMapping("/api/tasks/{taskId}/judgments")
    @RolesAllowed("LABELER")
    ResponseEntity<SubmitResult> submit(@PathVariable long taskId, @RequestBody JudgmentRequest body,
                                        @RequestHeader(name = "Idempotency-Key", required = false) @Nullable String header,
                                        Authentication auth) {
        String key = body.idempotencyKey() != null ? body.idempotencyKey() : header;
        SubmitResult r = judgments.submit(caller.id(auth), new SubmitJudgment(taskId, key, body.presentedOrder(),
                body.tiers(), body.likert(), body.flags(), Boolean.TRUE.equals(body.allBad()), body.betterAnswer(),
                body.rationale(), body.timeOnTaskMs()));
        return ResponseEntity.status(r.duplicate() ? HttpStatus.OK : HttpStatus.CREATED).body(r);
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

    /** A judgment as sent; see {@link SubmitJudgment} for the meaning of each field. */
    record JudgmentRequest(@Nullable String idempotencyKey, @Nullable List<Long> presentedOrder,
                           @Nullable List<List<Long>> tiers, @Nullable Map<Long, Integer> likert,
                           @Nullable Map<Long, Set<ResponseFlag>> flags, @Nullable Boolean allBad,
                           @Nullable String betterAnswer, @Nullable String rationale, @Nullable Long timeOnTaskMs) {
    }
}
