package dev.pairwise.labeling.task;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads a project's open tasks for scoring and stores their reward-model margins
 * ({@code comparison_tasks.routing_margin}), which UNCERTAINTY routing hands out smallest first
 * (see {@link OpenTasks}). The scoring itself needs a reward model and lives in the app.
 */
@Component
public class TaskMargins {

    private final JdbcClient jdbc;
    private final JdbcTemplate jdbcTemplate;

    TaskMargins(JdbcClient jdbc, JdbcTemplate jdbcTemplate) {
        this.jdbc = jdbc;
        this.jdbcTemplate = jdbcTemplate;
    }

    /** An open task as a reward model reads it: its prompt and its responses in stored order. */
    public record OpenTask(long taskId, String prompt, List<String> responses) {
    }

    /**
     * Up to {@code limit} open tasks of the project (not completed, not gold) with ids above
     * {@code afterId}, by id: page through with the last id seen. Two statements: the page's ids,
     * then its texts by id range.
     */
    @Transactional(readOnly = true)
    public List<OpenTask> openTasks(long projectId, long afterId, int limit) {
        List<Long> ids = jdbc.sql("""
                        SELECT id FROM comparison_tasks
                         WHERE project_id = ? AND completed = FALSE AND gold = FALSE AND id > ?
                         ORDER BY id LIMIT ?""")
                .params(projectId, afterId, limit).query(Long.class).list();
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<Long, String> prompts = new LinkedHashMap<>();
        Map<Long, List<String>> responses = new LinkedHashMap<>();
        jdbc.sql("""
                        SELECT t.id, p.text, r.text
                          FROM comparison_tasks t
                          JOIN prompts p ON p.id = t.prompt_id
                          JOIN task_responses tr ON tr.task_id = t.id
                          JOIN responses r ON r.id = tr.response_id
                         WHERE t.project_id = ? AND t.completed = FALSE AND t.gold = FALSE AND t.id BETWEEN ? AND ?
                         ORDER BY t.id, tr.position""")
                .params(projectId, ids.getFirst(), ids.getLast())
                .query(rs -> {
                    long id = rs.getLong(1);
                    prompts.putIfAbsent(id, rs.getString(2));
                    responses.computeIfAbsent(id, k -> new ArrayList<>()).add(rs.getString(3));
                });
        List<OpenTask> out = new ArrayList<>();
        prompts.forEach((id, prompt) -> out.add(new OpenTask(id, prompt, List.copyOf(responses.get(id)))));
        return out;
    }

    /**
     * Stores margins by task id in one batch ({@code null}: not comparable, routed with the
     * unscored tasks).
     */
    @Transactional
    public void store(Map<Long, Double> margins) {
        List<Object[]> rows = new ArrayList<>(margins.size());
        margins.forEach((id, m) -> rows.add(new Object[] {m, id}));
        jdbcTemplate.batchUpdate("UPDATE comparison_tasks SET routing_margin = ? WHERE id = ?", rows);
    }

    /** The stored margin of a task, {@code null} when unscored; {@link java.util.NoSuchElementException} for no task. */
    @Transactional(readOnly = true)
    public Double margin(long taskId) {
        return jdbc.sql("SELECT routing_margin FROM comparison_tasks WHERE id = ?").param(taskId)
                .query((rs, n) -> {
                    double v = rs.getDouble(1);
                    return rs.wasNull() ? null : v;
                }).list().getFirst();
    }
}
