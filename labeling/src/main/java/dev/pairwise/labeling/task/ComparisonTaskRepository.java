package dev.pairwise.labeling.task;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/**
 * Tasks, and the native queries assignment relies on. Native SQL keeps each row lock a plain
 * {@code SELECT ... FOR UPDATE} on one table, the same on H2 and PostgreSQL.
 *
 * <p>A task is <em>open</em> for a labeler when it is not completed, the labeler never held it,
 * and its stored judgments plus its running leases are fewer than the project's overlap. The
 * overlap is read from {@code projects} in the statement, so an edit is seen at once.
 */
public interface ComparisonTaskRepository extends JpaRepository<ComparisonTask, Long> {

    String OPEN_FOR_LABELER = """
             WHERE t.project_id = :projectId AND t.completed = FALSE
               AND NOT EXISTS (SELECT 1 FROM assignments m WHERE m.task_id = t.id AND m.labeler_id = :labelerId)
               AND t.judgment_count + (SELECT COUNT(*) FROM assignments a
                     WHERE a.task_id = t.id AND a.status = 'ACTIVE' AND a.expires_at > :now)
                 < (SELECT p.overlap FROM projects p WHERE p.id = :projectId)
             ORDER BY t.project_id, t.completed, t.id
            """;

    long countByProjectId(long projectId);

    /** Locks the task row until the transaction ends, waiting for whoever holds it. */
    @Query(value = "SELECT id FROM comparison_tasks WHERE id = :id FOR UPDATE", nativeQuery = true)
    Optional<Long> lockById(@Param("id") long id);

    /** Locks the task row if nobody holds it; empty (at once) if someone does. */
    @Query(value = "SELECT id FROM comparison_tasks WHERE id = :id FOR UPDATE SKIP LOCKED", nativeQuery = true)
    Optional<Long> lockIfFree(@Param("id") long id);

    /**
     * Tasks that look open to this labeler, oldest first (an unlocked read: the caller locks one
     * and re-checks it with {@link #hasRoom}). The ORDER BY names the columns of ix_tasks_open so
     * that the scan reads the index in order, starts at the first open task and stops at LIMIT.
     */
    @Query(value = "SELECT t.id FROM comparison_tasks t" + OPEN_FOR_LABELER + " LIMIT :limit", nativeQuery = true)
    List<Long> openCandidates(@Param("projectId") long projectId, @Param("labelerId") long labelerId,
                              @Param("now") Instant now, @Param("limit") int limit);

    /**
     * The oldest open task that no other transaction holds, locked (PostgreSQL: its row locks are
     * taken below the LIMIT, so rows others hold are passed over in one statement; H2 applies the
     * LIMIT first and is not asked this). The caller still re-checks with {@link #hasRoom}: the
     * lease counts above were read from the statement's snapshot, taken before the lock.
     */
    @Query(value = "SELECT t.id FROM comparison_tasks t" + OPEN_FOR_LABELER + " LIMIT 1 FOR UPDATE OF t SKIP LOCKED",
            nativeQuery = true)
    Optional<Long> lockOldestOpen(@Param("projectId") long projectId, @Param("labelerId") long labelerId,
                                  @Param("now") Instant now);

    /**
     * Whether a locked task still has room: stored judgments plus running leases below the
     * project's overlap. A new statement after the lock, so under READ COMMITTED it sees every
     * lease and judgment committed by whoever held the lock before.
     */
    @Query(value = """
            SELECT CASE WHEN t.judgment_count + (SELECT COUNT(*) FROM assignments a
                              WHERE a.task_id = t.id AND a.status = 'ACTIVE' AND a.expires_at > :now)
                        < p.overlap THEN TRUE ELSE FALSE END
              FROM comparison_tasks t JOIN projects p ON p.id = t.project_id
             WHERE t.id = :taskId
            """, nativeQuery = true)
    boolean hasRoom(@Param("taskId") long taskId, @Param("now") Instant now);

    /**
     * Counts a stored judgment on its task and marks the task completed when it reaches the
     * project's overlap. Runs in the judgment's transaction, under the task's row lock.
     */
    @Modifying(flushAutomatically = true)
    @Query(value = """
            UPDATE comparison_tasks
               SET judgment_count = judgment_count + 1,
                   completed = judgment_count + 1 >= (SELECT p.overlap FROM projects p WHERE p.id = comparison_tasks.project_id)
             WHERE id = :taskId
            """, nativeQuery = true)
    int countJudgment(@Param("taskId") long taskId);

    /** Tasks with at least {@code overlap} judgments. */
    @Query(value = "SELECT COUNT(*) FROM comparison_tasks t WHERE t.project_id = :projectId AND t.judgment_count >= :overlap",
            nativeQuery = true)
    long countDone(@Param("projectId") long projectId, @Param("overlap") int overlap);
}
