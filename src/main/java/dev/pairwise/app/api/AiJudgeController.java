package dev.pairwise.app.api;

import dev.pairwise.app.aijudge.AiAgreement;
import dev.pairwise.labeling.InvalidInputException;
import dev.pairwise.labeling.ai.AiJudgments;
import dev.pairwise.labeling.ai.AiVerdictView;
import dev.pairwise.labeling.project.ProjectService;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** What AI judges (AI_JUDGE jobs) made of a project: their agreement with people, and every verdict with the raw answers. */
@RestController
@RequestMapping("/api/projects/{projectId}")
class AiJudgeController {

    static final int MAX_PAGE = 500;

    private final AiAgreement agreement;
    private final AiJudgments judgments;
    private final ProjectService projects;

    AiJudgeController(AiAgreement agreement, AiJudgments judgments, ProjectService projects) {
        this.agreement = agreement;
        this.judgments = judgments;
        this.projects = projects;
    }

    /** Each AI judge's verdict counts and agreement with the people on the tasks both ranked; 404 for no project. */
    @GetMapping("/ai-agreement")
    @PreAuthorize("hasAnyRole('ADMIN', 'RESEARCHER')")
    Map<String, @Nullable Object> agreement(@PathVariable long projectId) {
        return agreement.of(projectId);
    }

    /** The verdicts after {@code after} (a verdict id), oldest first, at most {@code limit} (1..500). */
    @GetMapping("/ai-verdicts")
    @PreAuthorize("hasAnyRole('ADMIN', 'RESEARCHER')")
    List<AiVerdictView> verdicts(@PathVariable long projectId, @RequestParam(defaultValue = "0") long after,
                                 @RequestParam(defaultValue = "100") int limit) {
        if (limit < 1 || limit > MAX_PAGE) {
            throw new InvalidInputException("limit", "limit must be between 1 and " + MAX_PAGE + ", was " + limit);
        }
        projects.get(projectId); // 404 for no project
        return judgments.verdicts(projectId, after, limit);
    }
}
