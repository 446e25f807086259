package dev.pairwise.labeling.task;

import dev.pairwise.labeling.project.Routing;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The statements that find open work and hold task rows, in plain JDBC: they run on every
 * {@code tasks/next} and every submit, where an ORM query costs more than the database does.
 * They join the caller's transaction (the JPA transaction manager shares its connection).
 *
 * <p>A task is <em>open</em> for a labeler when it is not completed, the labeler never held it,
 * and its stored judgments plus its running leases are fewer than the project's overlap. The
 * overlap is read from {@code projects} inside each statement, so an edit counts at once. A task
 * whose {@code full_until} lies ahead is full (see {@link #leaseIfRoom}); the scan passes over it
 * on that column alone, without counting its leases: at the front of a busy queue most tasks are
 * ones other labelers hold. Gold tasks are not open work: every labeler may get each once, drawn
 * by {@link #goldFor} at the project's gold rate.
 *
 * <p>Both tests over a task's assignments — the labeler never held it, and its running leases
 * leave room — are one aggregate over the assignments of that task alone, read through the unique
 * (task, labeler) index: a handful of rows. Asked as {@code NOT EXISTS (… labeler_id = ?)},
 * PostgreSQL may read all of the labeler's assignments on every call instead (an anti-join, or a
 * probe of the labeler index) when its statistics were taken while the table was nearly empty:
 * a cost that grows with everything the labeler did (see migration V23, which asks the same way
 * in {@code labeling_next_task}).
 */
@Component
public class OpenTasks {

    private static final String OPEN_FOR_LABELER = """
             WHERE t.project_id = ? AND t.completed = FALSE AND t.gold = FALSE
               AND (t.full_until IS NULL OR t.full_until <= ?)
               AND (SELECT COUNT(CASE WHEN a.labeler_id = ? THEN 1 END) = 0
                           AND t.judgment_count + COUNT(CASE WHEN a.status = 'ACTIVE' AND a.expires_at > ? THEN 1 END)
                               < (SELECT p.overlap FROM projects p WHERE p.id = t.project_id)
                      FROM assignments a WHERE a.task_id = t.id)
            """;
    /** FIFO: the columns of ix_tasks_open. */
    private static final String OLDEST_FIRST = " ORDER BY t.project_id, t.completed, t.id";
    /**
     * UNCERTAINTY: the columns of ix_tasks_uncertain; NULLS LAST is PostgreSQL's default for an
     * ascending column, spelled out for H2, so unscored tasks follow the scored ones.
     */
    private static final String SMALLEST_MARGIN_FIRST =
            " ORDER BY t.project_id, t.completed, t.routing_margin NULLS LAST, t.id";

    private final JdbcClient jdbc;

    OpenTasks(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private static String order(Routing routing) {
        return routing == Routing.UNCERTAINTY ? SMALLEST_MARGIN_FIRST : OLDEST_FIRST;
    }

    /**
     * Tasks that look open to this labeler in the project's routing order (FIFO: oldest first):
     * an unlocked read, so the caller locks one and re-checks it with {@link #hasRoom}. The ORDER
     * BY names the columns of ix_tasks_open (ix_tasks_uncertain for UNCERTAINTY), so the scan
     * reads that index in order from the first open task and stops at the LIMIT.
     */
    public List<Long> candidates(long projectId, long labelerId, Instant now, int limit, Routing routing) {
        return jdbc.sql("SELECT t.id FROM comparison_tasks t" + OPEN_FOR_LABELER + order(routing) + " LIMIT ?")
                .params(projectId, at(now), labelerId, at(now), limit).query(Long.class).list();
    }

    /**
     * The first open task in routing order (FIFO: the oldest) no other transaction holds, locked. PostgreSQL only: it takes row locks
     * below the LIMIT, passing over rows others hold in one statement (H2 applies the LIMIT first,
     * then finds the one row held). The caller still re-checks with {@link #hasRoom}: the lease
     * counts here come from the statement's snapshot, taken before the lock.
     */
    public Optional<Long> lockFirstFree(long projectId, long labelerId, Instant now, Routing routing) {
        return jdbc.sql("SELECT t.id FROM comparison_tasks t" + OPEN_FOR_LABELER + order(routing)
                        + " LIMIT 1 FOR UPDATE OF t SKIP LOCKED")
                .params(projectId, at(now), labelerId, at(now)).query(Long.class).optional();
    }

    /**
     * The oldest gold task of the project this labeler never held, or empty. Unlocked: a gold
     * task has no overlap to fill, and the labeler's own row lock (held by the caller) with the
     * assignments' unique (task, labeler) keeps one labeler from getting it twice.
     */
    public Optional<Long> goldFor(long projectId, long labelerId) {
        return jdbc.sql("""
                        SELECT g.task_id FROM gold_rankings g
                         WHERE g.project_id = ?
                           AND NOT EXISTS (SELECT 1 FROM assignments m WHERE m.task_id = g.task_id AND m.labeler_id = ?)
                         ORDER BY g.project_id, g.task_id
                         FETCH FIRST 1 ROWS ONLY""")
                .params(projectId, labelerId).query(Long.class).optional();
    }

    /** Locks the task row if nobody holds it; false at once if someone does. */
    public boolean lockIfFree(long taskId) {
        return jdbc.sql("SELECT id FROM comparison_tasks WHERE id = ? FOR UPDATE SKIP LOCKED")
                .param(taskId).query(Long.class).optional().isPresent();
    }

    /** Locks the task row until the transaction ends, waiting for whoever holds it. */
    public boolean lock(long taskId) {
        return jdbc.sql("SELECT id FROM comparison_tasks WHERE id = ? FOR UPDATE")
                .param(taskId).query(Long.class).optional().isPresent();
    }

    /**
     * Whether a locked task has room: stored judgments plus running leases below the project's
     * overlap. A statement after the lock, so under READ COMMITTED it sees every lease and
     * judgment committed by whoever held the lock before.
     */
    public boolean hasRoom(long taskId, Instant now) {
        return jdbc.sql("""
                        SELECT t.judgment_count + (SELECT COUNT(*) FROM assignments a
                                 WHERE a.task_id = t.id AND a.status = 'ACTIVE' AND a.expires_at > ?)
                             - p.overlap
                          FROM comparison_tasks t JOIN projects p ON p.id = t.project_id
                         WHERE t.id = ?""")
                .params(at(now), taskId).query(Long.class).optional().map(over -> over < 0).orElse(false);
    }

    /**
     * Leases a locked task to the labeler if it still has room, and sets the task's
     * {@code full_until} when this lease fills it: one statement (PostgreSQL: data-modifying CTEs)
     * after the lock, so its snapshot sees every lease and judgment committed by whoever held the
     * lock before. H2 has no data-modifying CTEs; there the caller runs {@link #hasRoom} and
     * {@link Leases#insert} instead, and {@code full_until} stays NULL (H2 serves small teams; its
     * scan counts leases as before).
     *
     * @return whether the lease was stored
     */
    public boolean leaseIfRoom(long taskId, long labelerId, String presentedOrder, Instant now, Instant expires) {
        return jdbc.sql("""
                        WITH room AS (
                            SELECT t.id, p.overlap - t.judgment_count - COUNT(a.id) AS free,
                                   LEAST(MIN(a.expires_at), ?) AS first_end
                              FROM comparison_tasks t JOIN projects p ON p.id = t.project_id
                              LEFT JOIN assignments a ON a.task_id = t.id AND a.status = 'ACTIVE' AND a.expires_at > ?
                             WHERE t.id = ?
                             GROUP BY t.id, p.overlap, t.judgment_count),
                        lease AS (
                            INSERT INTO assignments (task_id, labeler_id, status, presented_order, leased_at, expires_at)
                            SELECT id, ?, 'ACTIVE', ?, ?, ? FROM room WHERE free > 0
                            RETURNING task_id),
                        hint AS (
                            UPDATE comparison_tasks t
                               SET full_until = CASE WHEN room.free = 1 THEN room.first_end END
                              FROM room, lease WHERE t.id = lease.task_id
                            RETURNING t.id)
                        SELECT COUNT(*) FROM lease""")
                .params(at(expires), at(now), taskId, labelerId, presentedOrder, at(now), at(expires))
                .query(Long.class).single() == 1;
    }

    /** Forgets the {@code full_until} of a task whose lease ended early (skipped): its slot is free now. */
    public void slotFreed(long taskId) {
        jdbc.sql("UPDATE comparison_tasks SET full_until = NULL WHERE id = ? AND full_until IS NOT NULL")
                .param(taskId).update();
    }

    /**
     * Forgets the {@code full_until} of every task the labeler holds a running lease of, before
     * those leases end early (released, given back): their slots free now.
     */
    public void slotsOfLabelerFreed(long labelerId, Instant now) {
        jdbc.sql("""
                        UPDATE comparison_tasks SET full_until = NULL
                         WHERE full_until IS NOT NULL AND id IN (SELECT a.task_id FROM assignments a
                               WHERE a.labeler_id = ? AND a.status = 'ACTIVE' AND a.expires_at > ?)""")
                .params(labelerId, at(now)).update();
    }

    /** Both databases bind and compare {@code TIMESTAMP WITH TIME ZONE} as an offset date-time. */
    static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
