package dev.pairwise.app.api;

import dev.pairwise.labeling.demo.DemoDraft;
import dev.pairwise.labeling.demo.DemoEditView;
import dev.pairwise.labeling.demo.DemoQuery;
import dev.pairwise.labeling.demo.DemoStatus;
import dev.pairwise.labeling.demo.DemonstrationService;
import dev.pairwise.labeling.demo.DemonstrationView;
import java.net.URI;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * SFT demonstrations over HTTP. Admins and researchers search them; admins (and labelers where
 * the project allows; the service decides, 403 otherwise) write and submit them; admins review.
 */
@RestController
class DemonstrationsController {

    /** Largest page a client may ask for; a list view rarely shows more. */
    private static final int MAX_PAGE = 200;

    private final DemonstrationService demos;
    private final Caller caller;

    DemonstrationsController(DemonstrationService demos, Caller caller) {
        this.demos = demos;
        this.caller = caller;
    }

    @GetMapping("/api/demonstrations")
    @PreAuthorize("hasAnyRole('ADMIN', 'RESEARCHER')")
    DemoPage search(@RequestParam(required = false) @Nullable Long projectId,
                    @RequestParam(required = false) @Nullable DemoStatus status,
                    @RequestParam(required = false) @Nullable Long authorId,
                    @RequestParam(required = false) @Nullable String text,
                    @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        PageRequest request = PageRequest.of(Math.max(page, 0), Math.clamp(size, 1, MAX_PAGE));
        Page<DemonstrationView> found = demos.search(new DemoQuery(projectId, status, authorId, text), request);
        return new DemoPage(found.getContent(), found.getTotalElements(), request.getPageNumber(), request.getPageSize());
    }

    @PostMapping("/api/projects/{projectId}/demonstrations")
    @PreAuthorize("isAuthenticated()")
    ResponseEntity<DemonstrationView> create(@PathVariable long projectId, @RequestBody DemoRequest body,
                                             Authentication auth) {
        DemonstrationView d = demos.create(caller.id(auth), new DemoDraft(projectId, body.instruction(),
                body.response(), Boolean.TRUE.equals(body.submit())));
        return ResponseEntity.created(URI.create("/api/demonstrations/" + d.id())).body(d);
    }

    @PostMapping("/api/demonstrations/{demoId}/submit")
    @PreAuthorize("isAuthenticated()")
    DemonstrationView submit(@PathVariable long demoId, Authentication auth) {
        return demos.submit(caller.id(auth), demoId);
    }

    @PostMapping("/api/demonstrations/{demoId}/review")
    @PreAuthorize("hasRole('ADMIN')")
    DemonstrationView review(@PathVariable long demoId, @RequestBody ReviewRequest body, Authentication auth) {
        return demos.review(caller.id(auth), demoId, Boolean.TRUE.equals(body.approve()), body.note());
    }

    /** The author (while a draft or rejected) or an admin edits the text; see {@link DemonstrationService#update}. */
    @PutMapping("/api/demonstrations/{demoId}")
    @PreAuthorize("isAuthenticated()")
    DemonstrationView edit(@PathVariable long demoId, @RequestBody DemoRequest body, Authentication auth) {
        return demos.update(caller.id(auth), demoId, body.instruction(), body.response());
    }

    /** Reviewers' edits, oldest first, each with the text it replaced (the first: the author's original). */
    @GetMapping("/api/demonstrations/{demoId}/edits")
    @PreAuthorize("hasAnyRole('ADMIN', 'RESEARCHER')")
    List<DemoEditView> edits(@PathVariable long demoId) {
        return demos.edits(demoId);
    }

    /** One page of demonstrations and the total that match. */
    record DemoPage(List<DemonstrationView> items, long total, int page, int size) {
    }

    record DemoRequest(@Nullable String instruction, @Nullable String response, @Nullable Boolean submit) {
    }

    record ReviewRequest(@Nullable Boolean approve, @Nullable String note) {
    }
}
