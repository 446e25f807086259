package dev.pairwise.labeling.task;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Leases (assignment rows) on the hot paths, in plain JDBC like {@link OpenTasks}: lock a
 * labeler, find their running lease, make one, read one at submit, mark it submitted, release.
 */
@Component
public class Leases {

    private static final String COLUMNS = "a.id, a.task_id, a.labeler_id, a.status, a.presented_order, a.leased_at, a.expires_at";

    private final JdbcClient jdbc;

    Leases(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Locks the labeler's account row: one labeler's own requests queue here (a double click on
     * "next" gets one task). On PostgreSQL {@code FOR NO KEY UPDATE}, which does not block the
     * key-share lock a foreign-key check takes on that row (the labeler's own judgment insert).
     *
     * @return false when no such account exists
     */
    public boolean lockLabeler(long labelerId, boolean postgres) {
        return jdbc.sql("SELECT id FROM accounts WHERE id = ? " + (postgres ? "FOR NO KEY UPDATE" : "FOR UPDATE"))
                .param(labelerId).query(Long.class).optional().isPresent();
    }

    /** The labeler's oldest running lease in a project. */
    public Optional<Lease> live(long projectId, long labelerId, Instant now) {
        return jdbc.sql("SELECT " + COLUMNS + """
                         FROM assignments a JOIN comparison_tasks t ON t.id = a.task_id
                        WHERE a.labeler_id = ? AND t.project_id = ? AND a.status = 'ACTIVE' AND a.expires_at > ?
                        ORDER BY a.id
                        FETCH FIRST 1 ROWS ONLY""")
                .params(labelerId, projectId, OpenTasks.at(now)).query(Leases::row).optional();
    }

    /** The labeler's lease of a task, in any status. */
    public Optional<Lease> of(long taskId, long labelerId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM assignments a WHERE a.task_id = ? AND a.labeler_id = ?")
                .params(taskId, labelerId).query(Leases::row).optional();
    }

    /** Stores a new ACTIVE lease; the caller holds the task's row lock and has checked its room. */
    public void insert(long taskId, long labelerId, List<Long> presentedOrder, Instant leasedAt, Instant expiresAt) {
        jdbc.sql("""
                        INSERT INTO assignments (task_id, labeler_id, status, presented_order, leased_at, expires_at)
                        VALUES (?, ?, 'ACTIVE', ?, ?, ?)""")
                .params(taskId, labelerId, Ids.join(presentedOrder), OpenTasks.at(leasedAt), OpenTasks.at(expiresAt))
                .update();
    }

    public void markSubmitted(long leaseId) {
        jdbc.sql("UPDATE assignments SET status = 'SUBMITTED' WHERE id = ?").param(leaseId).update();
    }

    /** Ends the labeler's running leases now, in every project; returns how many. */
    public int expireLive(long labelerId, Instant now) {
        return jdbc.sql("UPDATE assignments SET expires_at = ? WHERE labeler_id = ? AND status = 'ACTIVE' AND expires_at > ?")
                .params(OpenTasks.at(now), labelerId, OpenTasks.at(now)).update();
    }

    private static Lease row(ResultSet rs, int rowNum) throws SQLException {
        return new Lease(rs.getLong(1), rs.getLong(2), rs.getLong(3), AssignmentStatus.valueOf(rs.getString(4)),
                Ids.split(rs.getString(5)), rs.getObject(6, OffsetDateTime.class).toInstant(),
                rs.getObject(7, OffsetDateTime.class).toInstant());
    }
}
