package dev.pairwise.app.api;

import dev.pairwise.labeling.demo.DemoStatus;
import dev.pairwise.labeling.export.DemoFormat;
import dev.pairwise.labeling.export.ExportService;
import dev.pairwise.labeling.export.PairFormat;
import dev.pairwise.labeling.project.ProjectService;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import org.springframework.http.HttpHeaders;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.jspecify.annotations.Nullable;

/**
 * Downloads (admins and researchers): a project's preference pairs, judgments or demonstrations as JSON
 * Lines, written straight to the response as they are read, so size does not cost memory.
 */
@RestController
@RequestMapping("/api/projects/{projectId}/export")
class ExportController {

    static final String NDJSON = "application/x-ndjson";

    private final ExportService export;
    private final ProjectService projects;

    ExportController(ExportService export, ProjectService projects) {
        this.export = export;
        this.projects = projects;
    }

    @GetMapping("/pairs")
    @PreAuthorize("hasAnyRole('ADMIN', 'RESEARCHER')")
    void pairs(@PathVariable long projectId, @RequestParam(defaultValue = "TRL") PairFormat format,
               HttpServletResponse response) throws IOException {
        projects.get(projectId); // 404 before any byte is written
        start(response, "pairs-" + projectId + "-" + format.name().toLowerCase(Locale.ROOT));
        export.exportPairs(projectId, format, response.getOutputStream());
    }

    /** Every labeler judgment of the project's tasks: {@code task_id, labeler, tiers, judgment_id, created_at}. */
    @GetMapping("/judgments")
    @PreAuthorize("hasAnyRole('ADMIN', 'RESEARCHER')")
    void judgments(@PathVariable long projectId, HttpServletResponse response) throws IOException {
        projects.get(projectId);
        start(response, "judgments-" + projectId);
        export.exportJudgments(projectId, response.getOutputStream());
    }

    /** Approved demonstrations unless {@code status} asks for another state. */
    @GetMapping("/demonstrations")
    @PreAuthorize("hasAnyRole('ADMIN', 'RESEARCHER')")
    void demonstrations(@PathVariable long projectId,
                        @RequestParam(defaultValue = "PROMPT_COMPLETION") DemoFormat format,
                        @RequestParam(required = false) @Nullable DemoStatus status, HttpServletResponse response)
            throws IOException {
        projects.get(projectId);
        start(response, "demonstrations-" + projectId + "-" + format.name().toLowerCase(Locale.ROOT));
        export.exportDemonstrations(projectId, format, status, response.getOutputStream());
    }

    private static void start(HttpServletResponse response, String name) {
        response.setContentType(NDJSON);
        response.setCharacterEncoding("UTF-8");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + ".jsonl\"");
    }
}
