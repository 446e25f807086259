package dev.pairwise.labeling.task;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The statements behind skipped tasks, in plain JDBC like {@link OpenTasks}. A skipped task keeps
 * its assignment row (status SKIPPED, with {@code skipped_at}), so the candidate query of open
 * work, which passes over every task the labeler ever held, never sees it; these statements read
 * it back only when that query found nothing, so the hot path keeps its shape.
 */
@Component
class Skips {

    private final JdbcClient jdbc;

    Skips(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Tasks this labeler skipped in a project that look open (not completed, room below the
     * overlap), oldest skip first: an unlocked read, so the caller locks one and re-checks it.
     */
    List<Long> candidates(long projectId, long labelerId, Instant now, int limit) {
        return jdbc.sql("""
                        SELECT a.task_id FROM assignments a JOIN comparison_tasks t ON t.id = a.task_id
                         WHERE a.labeler_id = ? AND a.status = 'SKIPPED' AND t.project_id = ? AND t.completed = FALSE
                           AND t.judgment_count + (SELECT COUNT(*) FROM assignments l
                                 WHERE l.task_id = t.id AND l.status = 'ACTIVE' AND l.expires_at > ?)
                             < (SELECT p.overlap FROM projects p WHERE p.id = t.project_id)
                         ORDER BY a.skipped_at, a.id
                         LIMIT ?""")
                .params(labelerId, projectId, OpenTasks.at(now), limit).query(Long.class).list();
    }

    /** The task this labeler skipped last in a project, whether or not it is still open. */
    Optional<Long> last(long projectId, long labelerId) {
        return jdbc.sql("""
                        SELECT a.task_id FROM assignments a JOIN comparison_tasks t ON t.id = a.task_id
                         WHERE a.labeler_id = ? AND a.status = 'SKIPPED' AND t.project_id = ?
                         ORDER BY a.skipped_at DESC, a.id DESC
                         FETCH FIRST 1 ROWS ONLY""")
                .params(labelerId, projectId).query(Long.class).optional();
    }

    /** Marks the labeler's assignment of a task skipped now; false when it has none that is not judged. */
    boolean skip(long taskId, long labelerId, Instant now) {
        return jdbc.sql("""
                        UPDATE assignments SET status = 'SKIPPED', skipped_at = ?
                         WHERE task_id = ? AND labeler_id = ? AND status <> 'SUBMITTED'""")
                .params(OpenTasks.at(now), taskId, labelerId).update() == 1;
    }

    /**
     * Leases a skipped task to its labeler again, in the order it was shown before; the caller
     * holds the task's row lock and has checked its room.
     */
    Lease resume(long taskId, long labelerId, Instant now, Instant expires) {
        jdbc.sql("""
                        UPDATE assignments SET status = 'ACTIVE', leased_at = ?, expires_at = ?, skipped_at = NULL
                         WHERE task_id = ? AND labeler_id = ? AND status = 'SKIPPED'""")
                .params(OpenTasks.at(now), OpenTasks.at(expires), taskId, labelerId).update();
        return jdbc.sql("SELECT " + Leases.COLUMNS + " FROM assignments a WHERE a.task_id = ? AND a.labeler_id = ?")
                .params(taskId, labelerId).query((rs, i) -> Leases.read(rs, 1).orElseThrow()).single();
    }

    /**
     * Gives back the labeler's running leases in a project as if never made (the rows go): the
     * task shown after a skip that is undone returns to its place in the queue, for this labeler
     * too. Only frees room, so it needs no task lock.
     */
    int giveBackLive(long projectId, long labelerId, Instant now) {
        return jdbc.sql("""
                        DELETE FROM assignments
                         WHERE labeler_id = ? AND status = 'ACTIVE' AND expires_at > ?
                           AND task_id IN (SELECT t.id FROM comparison_tasks t WHERE t.project_id = ?)""")
                .params(labelerId, OpenTasks.at(now), projectId).update();
    }
}
