package dev.pairwise.labeling.task;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/**
 * Tasks, and the native queries assignment relies on. Native SQL keeps the row lock a plain
 * {@code SELECT ... FOR UPDATE} on one table, the same on H2 and PostgreSQL.
 */
public interface ComparisonTaskRepository extends JpaRepository<ComparisonTask, Long> {

    long countByProjectId(long projectId);

    /** Locks the task row until the transaction ends; concurrent assigners queue here. */
    @Query(value = "SELECT id FROM comparison_tasks WHERE id = :id FOR UPDATE", nativeQuery = true)
    Optional<Long> lockById(@Param("id") long id);

    /** Judgments stored for a task plus leases still running on it: its claimed capacity. */
    @Query(value = """
            SELECT (SELECT COUNT(*) FROM judgments j WHERE j.task_id = :taskId)
                 + (SELECT COUNT(*) FROM assignments a
                     WHERE a.task_id = :taskId AND a.status = 'ACTIVE' AND a.expires_at > :now)
            """, nativeQuery = true)
    long claimed(@Param("taskId") long taskId, @Param("now") Instant now);

    /**
     * Tasks of a project this labeler never held that look open (an unlocked read: the caller
     * re-checks under the row lock). Oldest first, so tasks fill in order; the ORDER BY names the
     * index columns (project_id, id) so that H2 reads the index in order and stops at LIMIT.
     */
    @Query(value = """
            SELECT t.id FROM comparison_tasks t
             WHERE t.project_id = :projectId
               AND NOT EXISTS (SELECT 1 FROM assignments m WHERE m.task_id = t.id AND m.labeler_id = :labelerId)
               AND (SELECT COUNT(*) FROM judgments j WHERE j.task_id = t.id)
                 + (SELECT COUNT(*) FROM assignments a
                     WHERE a.task_id = t.id AND a.status = 'ACTIVE' AND a.expires_at > :now) < :overlap
             ORDER BY t.project_id, t.id
             LIMIT :limit
            """, nativeQuery = true)
    List<Long> openCandidates(@Param("projectId") long projectId, @Param("labelerId") long labelerId,
                              @Param("now") Instant now, @Param("overlap") int overlap, @Param("limit") int limit);

    /** Tasks with at least {@code overlap} judgments. */
    @Query(value = """
            SELECT COUNT(*) FROM comparison_tasks t WHERE t.project_id = :projectId
               AND (SELECT COUNT(*) FROM judgments j WHERE j.task_id = t.id) >= :overlap
            """, nativeQuery = true)
    long countDone(@Param("projectId") long projectId, @Param("overlap") int overlap);
}
