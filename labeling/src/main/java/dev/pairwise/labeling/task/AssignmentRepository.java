package dev.pairwise.labeling.task;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/** Assignments (leases) of tasks to labelers. */
public interface AssignmentRepository extends JpaRepository<Assignment, Long> {

    Optional<Assignment> findByTaskIdAndLabelerId(long taskId, long labelerId);

    /** The labeler's running lease in a project, if any (oldest first). */
    @Query("""
            select a from Assignment a, ComparisonTask t
             where a.taskId = t.id and t.projectId = :projectId and a.labelerId = :labelerId
               and a.status = dev.pairwise.labeling.task.AssignmentStatus.ACTIVE and a.expiresAt > :now
             order by a.id
            """)
    List<Assignment> findLive(@Param("projectId") long projectId, @Param("labelerId") long labelerId,
                              @Param("now") Instant now);

    /** Serializes one labeler's own requests (a double click on "next" gets one task). */
    @Query(value = "SELECT id FROM accounts WHERE id = :id FOR UPDATE", nativeQuery = true)
    Optional<Long> lockAccount(@Param("id") long accountId);

    /**
     * {@link #lockAccount} on PostgreSQL: the same serialization, but without blocking the key-share
     * lock that a foreign key check takes on the account row (the labeler's own judgment insert).
     */
    @Query(value = "SELECT id FROM accounts WHERE id = :id FOR NO KEY UPDATE", nativeQuery = true)
    Optional<Long> lockAccountNoKey(@Param("id") long accountId);

    /** Ends the labeler's running leases now: they stop reserving their tasks. */
    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query("""
            update Assignment a set a.expiresAt = :now
             where a.labelerId = :labelerId
               and a.status = dev.pairwise.labeling.task.AssignmentStatus.ACTIVE and a.expiresAt > :now
            """)
    int expireLive(@Param("labelerId") long labelerId, @Param("now") Instant now);
}
