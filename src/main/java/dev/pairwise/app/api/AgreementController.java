package dev.pairwise.app.api;

import dev.pairwise.app.agreement.Agreement;
import dev.pairwise.app.agreement.Ranking;
import dev.pairwise.labeling.export.ExportService;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A project's inter-labeler agreement, computed by {@link Agreement} from the same judgments the
 * judgments export writes, so {@code java -jar pairwise.jar agreement --judgments FILE} on that
 * export prints the same numbers.
 */
@RestController
class AgreementController {

    private final ExportService export;

    AgreementController(ExportService export) {
        this.export = export;
    }

    /**
     * {@code pairwise_agreement, krippendorff_alpha, kendall_tau_b, units, labelers, per_labeler};
     * 404 for no project. People only, unless {@code include_ai=true} counts AI judges' rankings
     * as labelers too ({@code /ai-agreement} compares each judge with the people).
     */
    @GetMapping("/api/projects/{projectId}/agreement")
    @PreAuthorize("hasAnyRole('ADMIN', 'RESEARCHER')")
    Map<String, @Nullable Object> agreement(@PathVariable long projectId,
                                            @RequestParam(name = "include_ai", defaultValue = "false") boolean includeAi) {
        List<Ranking> rankings = new ArrayList<>();
        export.forEachJudgment(projectId, includeAi,
                j -> rankings.add(new Ranking(j.taskId(), j.labeler(), j.tiers())));
        return Agreement.of(rankings).asMap();
    }
}
