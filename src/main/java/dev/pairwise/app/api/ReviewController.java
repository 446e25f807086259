package dev.pairwise.app.api;

import dev.pairwise.app.quality.ReviewQueue;
import dev.pairwise.labeling.InvalidInputException;
import dev.pairwise.labeling.quality.Adjudications;
import dev.pairwise.labeling.quality.Adjudications.Adjudication;
import dev.pairwise.labeling.quality.ReviewData;
import java.net.URI;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Review and adjudication (reviewers and admins): the tasks where labelers disagree beyond the
 * project's threshold, one task with every labeler's ranking, and the adjudicated ranking.
 */
@RestController
class ReviewController {

    private final ReviewQueue queue;
    private final ReviewData review;
    private final Adjudications adjudications;
    private final Caller caller;

    ReviewController(ReviewQueue queue, ReviewData review, Adjudications adjudications, Caller caller) {
        this.queue = queue;
        this.review = review;
        this.adjudications = adjudications;
        this.caller = caller;
    }

    /** Disputed, not yet adjudicated tasks, most disputed first: {@code taskId, labelers, disagreement}. */
    @GetMapping("/api/projects/{projectId}/review")
    @PreAuthorize("hasAnyRole('REVIEWER', 'ADMIN')")
    List<ReviewQueue.Disputed> disputed(@PathVariable long projectId) {
        return queue.disputed(projectId);
    }

    @GetMapping("/api/tasks/{taskId}/review")
    @PreAuthorize("hasAnyRole('REVIEWER', 'ADMIN')")
    ReviewData.ReviewTask task(@PathVariable long taskId) {
        return review.task(taskId);
    }

    /** Records the adjudicated ranking {@code {"tiers": [[response_id, …], …], "note"}}; 201, or 409 when decided before. */
    @PostMapping("/api/tasks/{taskId}/adjudication")
    @PreAuthorize("hasAnyRole('REVIEWER', 'ADMIN')")
    ResponseEntity<Adjudication> adjudicate(@PathVariable long taskId, @RequestBody AdjudicationRequest body,
                                            Authentication auth) {
        if (body.tiers() == null) {
            throw new InvalidInputException("tiers", "tiers must rank the task's responses, best first");
        }
        Adjudication a = adjudications.adjudicate(taskId, caller.id(auth), body.tiers(), body.note());
        return ResponseEntity.created(URI.create("/api/tasks/" + taskId + "/review")).body(a);
    }

    record AdjudicationRequest(@Nullable List<List<Long>> tiers, @Nullable String note) {
    }
}
