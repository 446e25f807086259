package dev.pairwise.app.jobs;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/**
 * Jobs. Every change after submission is one guarded UPDATE ({@code where status = ...}), so two
 * writers (a cancel from the UI, the worker's progress, another instance) never lose each other's
 * change; on PostgreSQL a second UPDATE of the same row waits for the first to commit and then
 * re-checks its condition, so of two instances claiming one job exactly one gets it.
 */
interface TrainingJobRepository extends JpaRepository<TrainingJob, Long> {

    long countByStatus(JobStatus status);

    List<TrainingJob> findByStatusOrderByIdAsc(JobStatus status);

    List<TrainingJob> findByStatusOrderByIdAsc(JobStatus status, Limit limit);

    List<TrainingJob> findAllByOrderByIdDesc(Limit limit);

    List<TrainingJob> findByStatusAndTypeInOrderByIdAsc(JobStatus status, Collection<JobType> types, Limit limit);

    /** The oldest queued job of one of these types (those this instance can run). */
    default Optional<TrainingJob> firstQueued(Collection<JobType> types) {
        if (types.isEmpty()) {
            return Optional.empty();
        }
        return findByStatusAndTypeInOrderByIdAsc(JobStatus.QUEUED, types, Limit.of(1)).stream().findFirst();
    }

    /** RUNNING jobs whose lease ran out at {@code now} (or that never had one): their instance stopped. */
    @Query("select j from TrainingJob j where j.status = 'RUNNING' "
            + "and (j.leaseExpiresAt is null or j.leaseExpiresAt <= :now) order by j.id")
    List<TrainingJob> findAbandoned(@Param("now") Instant now);

    /** QUEUED → RUNNING for {@code owner} until {@code until}; 0 when another instance was first. */
    @Modifying(clearAutomatically = true, flushAutomatically = true)
    @Query("update TrainingJob j set j.status = 'RUNNING', j.startedAt = coalesce(j.startedAt, :now), "
            + "j.etaSeconds = null, j.claimedBy = :owner, j.leaseExpiresAt = :until, j.attempts = j.attempts + 1 "
            + "where j.id = :id and j.status = 'QUEUED'")
    int claim(@Param("id") long id, @Param("owner") String owner, @Param("now") Instant now,
              @Param("until") Instant until);

    @Modifying(clearAutomatically = true, flushAutomatically = true)
    @Query("update TrainingJob j set j.status = 'CANCELLED', j.finishedAt = :now "
            + "where j.id = :id and j.status = 'QUEUED'")
    int cancelQueued(@Param("id") long id, @Param("now") Instant now);

    @Modifying(clearAutomatically = true, flushAutomatically = true)
    @Query("update TrainingJob j set j.cancelRequested = true where j.id = :id and j.status = 'RUNNING'")
    int requestCancel(@Param("id") long id);

    // The writes of a run below name its attempt: 0 rows means another instance took the job over.

    /** The heartbeat: the run still holds the job until {@code until}. */
    @Modifying(clearAutomatically = true, flushAutomatically = true)
    @Query("update TrainingJob j set j.leaseExpiresAt = :until "
            + "where j.id = :id and j.attempts = :attempt and j.status = 'RUNNING'")
    int renew(@Param("id") long id, @Param("attempt") int attempt, @Param("until") Instant until);

    @Modifying(clearAutomatically = true, flushAutomatically = true)
    @Query("update TrainingJob j set j.step = :step, j.total = :total, j.etaSeconds = :eta "
            + "where j.id = :id and j.attempts = :attempt and j.status = 'RUNNING'")
    int progress(@Param("id") long id, @Param("attempt") int attempt, @Param("step") long step,
                 @Param("total") long total, @Param("eta") @Nullable Long eta);

    @Modifying(clearAutomatically = true, flushAutomatically = true)
    @Query("update TrainingJob j set j.logTail = :tail "
            + "where j.id = :id and j.attempts = :attempt and j.status = 'RUNNING'")
    int logTail(@Param("id") long id, @Param("attempt") int attempt, @Param("tail") String tail);

    @Modifying(clearAutomatically = true, flushAutomatically = true)
    @Query("update TrainingJob j set j.device = :device "
            + "where j.id = :id and j.attempts = :attempt and j.status = 'RUNNING'")
    int device(@Param("id") long id, @Param("attempt") int attempt, @Param("device") String device);

    @Modifying(clearAutomatically = true, flushAutomatically = true)
    @Query("update TrainingJob j set j.checkpointPath = :path "
            + "where j.id = :id and j.attempts = :attempt and j.status = 'RUNNING'")
    int checkpoint(@Param("id") long id, @Param("attempt") int attempt, @Param("path") String path);

    @Modifying(clearAutomatically = true, flushAutomatically = true)
    @Query("update TrainingJob j set j.status = :status, j.error = :error, j.finishedAt = :now, j.etaSeconds = null, "
            + "j.leaseExpiresAt = null where j.id = :id and j.attempts = :attempt and j.status = 'RUNNING'")
    int finish(@Param("id") long id, @Param("attempt") int attempt, @Param("status") JobStatus status,
               @Param("error") @Nullable String error, @Param("now") Instant now);

    /** A stopping app gives its job up at once instead of letting the lease run out. */
    @Modifying(clearAutomatically = true, flushAutomatically = true)
    @Query("update TrainingJob j set j.leaseExpiresAt = :now "
            + "where j.id = :id and j.attempts = :attempt and j.status = 'RUNNING'")
    int release(@Param("id") long id, @Param("attempt") int attempt, @Param("now") Instant now);

    /** At start: leases this instance id held in an earlier process are void (that process is gone). */
    @Modifying(clearAutomatically = true, flushAutomatically = true)
    @Query("update TrainingJob j set j.leaseExpiresAt = :now "
            + "where j.claimedBy = :owner and j.status = 'RUNNING' and j.leaseExpiresAt > :now")
    int expireLeasesOf(@Param("owner") String owner, @Param("now") Instant now);

    // Recovery of a job whose lease ran out, by any instance; guarded so that two instances
    // recovering at once (or the owner renewing meanwhile) leave one outcome.

    @Modifying(clearAutomatically = true, flushAutomatically = true)
    @Query("update TrainingJob j set j.status = 'QUEUED', j.etaSeconds = null, j.leaseExpiresAt = null "
            + "where j.id = :id and j.status = 'RUNNING' and (j.leaseExpiresAt is null or j.leaseExpiresAt <= :now)")
    int requeueAbandoned(@Param("id") long id, @Param("now") Instant now);

    @Modifying(clearAutomatically = true, flushAutomatically = true)
    @Query("update TrainingJob j set j.status = :status, j.error = :error, j.finishedAt = :now, j.etaSeconds = null, "
            + "j.leaseExpiresAt = null "
            + "where j.id = :id and j.status = 'RUNNING' and (j.leaseExpiresAt is null or j.leaseExpiresAt <= :now)")
    int finishAbandoned(@Param("id") long id, @Param("status") JobStatus status, @Param("error") @Nullable String error,
                        @Param("now") Instant now);
}
