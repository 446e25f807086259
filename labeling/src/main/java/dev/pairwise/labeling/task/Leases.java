package dev.pairwise.labeling.task;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Leases (assignment rows) on the hot paths, in plain JDBC like {@link OpenTasks}: lock a
 * labeler, find their running lease, make one, release them. The submit reads and closes its lease
 * together with its other rows (JudgmentRows, in the judgment package).
 */
@Component
public class Leases {

    /** The columns {@link #read} reads, of {@code assignments} aliased {@code a}. */
    public static final String COLUMNS = "a.id, a.task_id, a.labeler_id, a.status, a.presented_order, a.leased_at, a.expires_at";

    private final JdbcClient jdbc;
    private final OpenTasks open;

    Leases(JdbcClient jdbc, OpenTasks open) {
        this.jdbc = jdbc;
        this.open = open;
    }

    /** A labeler whose account row is locked, and why they may not take tasks of the project, if they may not. */
    public record LockedLabeler(@Nullable String pausedReason) {
    }

    /**
     * Locks the labeler's account row: one labeler's own requests queue here (a double click on
     * "next" gets one task). On PostgreSQL {@code FOR NO KEY UPDATE}, which does not block the
     * key-share lock a foreign-key check takes on that row (the labeler's own judgment insert).
     * The same statement reads whether they are paused in the project (no round trip of its own).
     *
     * @return empty when no such account exists
     */
    public Optional<LockedLabeler> lockLabeler(long projectId, long labelerId, boolean postgres) {
        return jdbc.sql("SELECT (SELECT p.reason FROM paused_labelers p WHERE p.project_id = ? AND p.labeler_id = a.id)"
                        + " FROM accounts a WHERE a.id = ? " + (postgres ? "FOR NO KEY UPDATE" : "FOR UPDATE"))
                .params(projectId, labelerId).query((rs, n) -> new LockedLabeler(rs.getString(1))).optional();
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

    /** Stores a new ACTIVE lease; the caller holds the task's row lock and has checked its room. */
    public void insert(long taskId, long labelerId, List<Long> presentedOrder, Instant leasedAt, Instant expiresAt) {
        jdbc.sql("""
                        INSERT INTO assignments (task_id, labeler_id, status, presented_order, leased_at, expires_at)
                        VALUES (?, ?, 'ACTIVE', ?, ?, ?)""")
                .params(taskId, labelerId, Ids.join(presentedOrder), OpenTasks.at(leasedAt), OpenTasks.at(expiresAt))
                .update();
    }

    /**
     * Ends the labeler's running leases now, in every project; returns how many. Their tasks'
     * {@code full_until} (see {@link OpenTasks}) is forgotten first: a slot frees now, not when
     * the lease would have run out.
     */
    public int expireLive(long labelerId, Instant now) {
        open.slotsOfLabelerFreed(labelerId, now);
        return jdbc.sql("UPDATE assignments SET expires_at = ? WHERE labeler_id = ? AND status = 'ACTIVE' AND expires_at > ?")
                .params(OpenTasks.at(now), labelerId, OpenTasks.at(now)).update();
    }

    private static Lease row(ResultSet rs, int rowNum) throws SQLException {
        return read(rs, 1).orElseThrow();
    }

    /**
     * The lease in {@link #COLUMNS} starting at column {@code first} of a result row (a statement
     * that also reads other tables), or empty where an outer join found none.
     */
    public static Optional<Lease> read(ResultSet rs, int first) throws SQLException {
        long id = rs.getLong(first);
        if (rs.wasNull()) {
            return Optional.empty();
        }
        return Optional.of(new Lease(id, rs.getLong(first + 1), rs.getLong(first + 2),
                AssignmentStatus.valueOf(rs.getString(first + 3)), Ids.split(rs.getString(first + 4)),
                rs.getObject(first + 5, OffsetDateTime.class).toInstant(),
                rs.getObject(first + 6, OffsetDateTime.class).toInstant()));
    }
}
