package dev.pairwise.labeling.project;

import dev.pairwise.labeling.ConflictException;
import dev.pairwise.labeling.InvalidInputException;
import dev.pairwise.labeling.LabelingLimits;
import dev.pairwise.labeling.NotFoundException;
import dev.pairwise.labeling.TextRules;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Sort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creates, edits and lists labeling projects. */
@Service
public class ProjectService {

    private final ProjectRepository projects;
    private final ProjectSnapshots snapshots;
    private final JdbcClient jdbc;
    private final LabelingLimits limits;
    private final Clock clock;

    ProjectService(ProjectRepository projects, ProjectSnapshots snapshots, JdbcClient jdbc, LabelingLimits limits,
                   Clock clock) {
        this.projects = projects;
        this.snapshots = snapshots;
        this.jdbc = jdbc;
        this.limits = limits;
        this.clock = clock;
    }

    /** All projects, by name. */
    @Transactional(readOnly = true)
    public List<ProjectView> list() {
        return projects.findAll(Sort.by("name")).stream().map(Project::view).toList();
    }

    /** One project; {@link NotFoundException} naming {@code projectId} if unknown. */
    @Transactional(readOnly = true)
    public ProjectView get(long projectId) {
        return require(projectId).view();
    }

    @Transactional(readOnly = true)
    public Optional<ProjectView> findByName(String name) {
        return projects.findByName(name).map(Project::view);
    }

    /** Creates a project; the name must be new. */
    @Transactional
    public ProjectView create(ProjectSettings settings) {
        ProjectSettings s = validate(settings);
        if (projects.existsByName(s.name())) {
            throw new ConflictException("name", "a project named '" + s.name() + "' already exists");
        }
        return projects.saveAndFlush(new Project(s, clock.instant())).view();
    }

    /**
     * Replaces a project's settings. Lowering K does not touch tasks already open; a new overlap
     * re-derives which tasks are completed (leases already running are kept).
     */
    @Transactional
    public ProjectView update(long projectId, ProjectSettings settings) {
        ProjectSettings s = validate(settings);
        Project p = require(projectId);
        if (projects.existsByNameAndIdNot(s.name(), projectId)) {
            throw new ConflictException("name", "a project named '" + s.name() + "' already exists");
        }
        int overlapBefore = p.getOverlap();
        p.apply(s);
        ProjectView saved = projects.saveAndFlush(p).view();
        if (s.overlap() != overlapBefore) {
            // Takes each task's row lock: a judgment being stored finishes first, then its flag is re-derived.
            jdbc.sql("""
                            UPDATE comparison_tasks SET completed = judgment_count >= ?
                             WHERE project_id = ? AND completed <> (judgment_count >= ?)""")
                    .params(s.overlap(), projectId, s.overlap()).update();
            // A task full under the old overlap may have room now.
            jdbc.sql("UPDATE comparison_tasks SET full_until = NULL WHERE project_id = ? AND full_until IS NOT NULL")
                    .param(projectId).update();
        }
        snapshots.evictAfterCommit(projectId);
        return saved;
    }

    Project require(long projectId) {
        return projects.findById(projectId).orElseThrow(() -> NotFoundException.of("projectId", "project", projectId));
    }

    private ProjectSettings validate(ProjectSettings s) {
        if (s == null) {
            throw new InvalidInputException("project", "project settings are missing");
        }
        String name = TextRules.require("name", s.name(), 200).strip();
        String guidelines = s.guidelines() == null ? "" : s.guidelines();
        if (!guidelines.isEmpty()) {
            TextRules.require("guidelines", guidelines, limits.maxTextChars());
        }
        if (s.k() < 2 || s.k() > 9) {
            throw new InvalidInputException("k", "k must be between 2 and 9, was " + s.k());
        }
        if (s.overlap() < 1 || s.overlap() > 100) {
            throw new InvalidInputException("overlap", "overlap must be between 1 and 100, was " + s.overlap());
        }
        if (s.leaseMinutes() < 1 || s.leaseMinutes() > 24 * 60) {
            throw new InvalidInputException("leaseMinutes",
                    "leaseMinutes must be between 1 and 1440, was " + s.leaseMinutes());
        }
        return new ProjectSettings(name, guidelines, s.k(), s.overlap(), s.randomizeOrder(),
                s.labelersMayWriteDemos(), s.leaseMinutes());
    }
}
