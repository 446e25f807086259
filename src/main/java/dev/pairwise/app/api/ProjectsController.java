package dev.pairwise.app.api;

import dev.pairwise.labeling.progress.ProgressService;
import dev.pairwise.labeling.progress.ProjectProgress;
import dev.pairwise.labeling.project.ProjectService;
import dev.pairwise.labeling.project.ProjectSettings;
import dev.pairwise.labeling.project.ProjectView;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.jspecify.annotations.Nullable;

/** Projects: every signed-in role may read them; admins create and edit; admins and researchers see progress. */
@RestController
@RequestMapping("/api/projects")
class ProjectsController {

    private final ProjectService projects;
    private final ProgressService progress;

    ProjectsController(ProjectService projects, ProgressService progress) {
        this.projects = projects;
        this.progress = progress;
    }

    @GetMapping
    @PreAuthorize("isAuthenticated()")
    List<ProjectView> list() {
        return projects.list();
    }

    @GetMapping("/{projectId}")
    @PreAuthorize("isAuthenticated()")
    ProjectView get(@PathVariable long projectId) {
        return projects.get(projectId);
    }

    /** Creates a project; omitted numbers take the defaults (K=4, overlap 1, 30-minute leases). */
    @PostMapping
    @PreAuthorize("hasRole('ADMIN')")
    ResponseEntity<ProjectView> create(@RequestBody ProjectRequest body) {
        ProjectView created = projects.create(body.settings());
        return ResponseEntity.created(URI.create("/api/projects/" + created.id())).body(created);
    }

    @PutMapping("/{projectId}")
    @PreAuthorize("hasRole('ADMIN')")
    ProjectView update(@PathVariable long projectId, @RequestBody ProjectRequest body) {
        return projects.update(projectId, body.settings());
    }

    @GetMapping("/{projectId}/progress")
    @PreAuthorize("hasAnyRole('ADMIN', 'RESEARCHER')")
    ProjectProgress progress(@PathVariable long projectId) {
        return progress.progress(projectId);
    }

    /** Project fields as sent; nulls take the defaults of {@link ProjectSettings}. */
    record ProjectRequest(@Nullable String name, @Nullable String guidelines, @Nullable Integer k,
                          @Nullable Integer overlap, @Nullable Boolean randomizeOrder,
                          @Nullable Boolean labelersMayWriteDemos, @Nullable Integer leaseMinutes) {

        ProjectSettings settings() {
            return new ProjectSettings(name, guidelines == null ? "" : guidelines, k == null ? 4 : k,
                    overlap == null ? ProjectSettings.DEFAULT_OVERLAP : overlap,
                    randomizeOrder == null || randomizeOrder, labelersMayWriteDemos != null && labelersMayWriteDemos,
                    leaseMinutes == null ? ProjectSettings.DEFAULT_LEASE_MINUTES : leaseMinutes);
        }
    }
}
