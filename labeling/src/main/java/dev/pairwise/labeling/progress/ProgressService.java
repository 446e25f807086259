package dev.pairwise.labeling.progress;

import dev.pairwise.labeling.NotFoundException;
import dev.pairwise.labeling.project.Project;
import dev.pairwise.labeling.project.ProjectRepository;
import dev.pairwise.labeling.task.ComparisonTaskRepository;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.jspecify.annotations.Nullable;

/** Progress per project: tasks done against wanted, judgments per labeler, median time on task. */
@Service
public class ProgressService {

    private final ProjectRepository projects;
    private final ComparisonTaskRepository tasks;
    private final JdbcClient jdbc;
    private final Clock clock;

    ProgressService(ProjectRepository projects, ComparisonTaskRepository tasks, JdbcClient jdbc, Clock clock) {
        this.projects = projects;
        this.tasks = tasks;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public ProjectProgress progress(long projectId) {
        Project p = projects.findById(projectId)
                .orElseThrow(() -> NotFoundException.of("projectId", "project", projectId));
        long taskCount = tasks.countByProjectId(projectId);
        long done = tasks.countDone(projectId, p.getOverlap());
        long imported = count("SELECT COUNT(*) FROM judgments WHERE project_id = ? AND labeler_id IS NULL"
                + " AND source <> 'adjudication'", projectId);
        long ai = count("SELECT COUNT(*) FROM judgments WHERE project_id = ? AND ai = TRUE", projectId);
        long pairs = count("SELECT COUNT(*) FROM preference_pairs WHERE project_id = ?", projectId);
        long leases = jdbc.sql("""
                        SELECT COUNT(*) FROM assignments a JOIN comparison_tasks t ON t.id = a.task_id
                         WHERE t.project_id = ? AND a.status = 'ACTIVE' AND a.expires_at > ?""")
                .params(projectId, clock.instant().atOffset(java.time.ZoneOffset.UTC)).query(Long.class).single();

        Map<Long, String> names = new HashMap<>();
        Map<Long, Long> counts = new HashMap<>();
        Map<Long, List<Long>> times = new HashMap<>();
        List<Long> all = new ArrayList<>();
        jdbc.sql("""
                        SELECT j.labeler_id, a.username, j.time_on_task_ms FROM judgments j
                          JOIN accounts a ON a.id = j.labeler_id
                         WHERE j.project_id = ? AND j.ai = FALSE""")
                .param(projectId)
                .query(rs -> {
                    long id = rs.getLong(1);
                    names.put(id, rs.getString(2));
                    counts.merge(id, 1L, Long::sum);
                    long t = rs.getLong(3);
                    if (!rs.wasNull()) {
                        times.computeIfAbsent(id, x -> new ArrayList<>()).add(t);
                        all.add(t);
                    }
                });
        List<LabelerProgress> labelers = new ArrayList<>();
        counts.forEach((id, n) -> labelers.add(new LabelerProgress(id, names.get(id), n,
                median(times.getOrDefault(id, List.of())))));
        labelers.sort(Comparator.comparingLong(LabelerProgress::judgments).reversed()
                .thenComparing(LabelerProgress::username));
        long judgments = counts.values().stream().mapToLong(Long::longValue).sum();
        return new ProjectProgress(projectId, taskCount, done, taskCount * p.getOverlap(), judgments, imported, ai,
                pairs, leases, median(all), List.copyOf(labelers));
    }

    /**
     * One labeler's position in a project ("3 of 13") and what they did there. It counts the
     * project's open tasks, so the screens read it, not the next-task path of the API.
     */
    @Transactional(readOnly = true)
    public LabelerQueue ofLabeler(long projectId, long labelerId) {
        if (!projects.existsById(projectId)) {
            throw NotFoundException.of("projectId", "project", projectId);
        }
        OffsetDateTime now = clock.instant().atOffset(ZoneOffset.UTC);
        long left = jdbc.sql("""
                        SELECT COUNT(*) FROM comparison_tasks t
                         WHERE t.project_id = ? AND t.completed = FALSE
                           AND NOT EXISTS (SELECT 1 FROM assignments m WHERE m.task_id = t.id AND m.labeler_id = ?
                                 AND (m.status = 'SUBMITTED' OR (m.status = 'ACTIVE' AND m.expires_at <= ?)))""")
                .params(projectId, labelerId, now).query(Long.class).single();
        long skipped = jdbc.sql("""
                        SELECT COUNT(*) FROM assignments a JOIN comparison_tasks t ON t.id = a.task_id
                         WHERE a.labeler_id = ? AND a.status = 'SKIPPED' AND t.project_id = ? AND t.completed = FALSE""")
                .params(labelerId, projectId).query(Long.class).single();
        return jdbc.sql("""
                        SELECT COUNT(*), COALESCE(SUM(time_on_task_ms), 0), MIN(created_at), MAX(created_at)
                          FROM judgments WHERE project_id = ? AND labeler_id = ?""")
                .params(projectId, labelerId)
                .query((rs, i) -> new LabelerQueue(rs.getLong(1), left, skipped, rs.getLong(2),
                        instant(rs.getObject(3, OffsetDateTime.class)), instant(rs.getObject(4, OffsetDateTime.class))))
                .single();
    }

    private static @Nullable Instant instant(@Nullable OffsetDateTime at) {
        return at == null ? null : at.toInstant();
    }

    /** The middle value (mean of the two middle ones for an even count); null for none. */
    static @Nullable Long median(List<Long> values) {
        if (values.isEmpty()) {
            return null;
        }
        List<Long> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private long count(String sql, long projectId) {
        return jdbc.sql(sql).param(projectId).query(Long.class).single();
    }
}
