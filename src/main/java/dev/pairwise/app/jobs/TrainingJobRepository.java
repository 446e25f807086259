package dev.pairwise.app.jobs;

import java.time.Instant;
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
 * writers (a cancel from the UI, the worker's progress) never lose each other's change.
 */
interface TrainingJobRepository extends JpaRepository<TrainingJob, Long> {

    long countByStatus(JobStatus status);

    List<TrainingJob> findByStatusOrderByIdAsc(JobStatus status);

    List<TrainingJob> findByStatusOrderByIdAsc(JobStatus status, Limit limit);

    List<TrainingJob> findAllByOrderByIdDesc(Limit limit);

    default Optional<TrainingJob> firstQueued() {
        return findByStatusOrderByIdAsc(JobStatus.QUEUED, Limit.of(1)).stream().findFirst();
    }

    @Modifying(clearAutomatically = true, flushAutomatically = true)
    @Query("update TrainingJob j set j.status = 'RUNNING', j.startedAt = coalesce(j.startedAt, :now), "
            + "j.etaSeconds = null where j.id = :id and j.status = 'QUEUED'")
    int claim(@Param("id") long id, @Param("now") Instant now);

    @Modifying(clearAutomatically = true, flushAutomatically = true)
    @Query("update TrainingJob j set j.status = 'CANCELLED', j.finishedAt = :now "
            + "where j.id = :id and j.status = 'QUEUED'")
    int cancelQueued(@Param("id") long id, @Param("now") Instant now);

    @Modifying(clearAutomatically = true, flushAutomatically = true)
    @Query("update TrainingJob j set j.cancelRequested = true where j.id = :id and j.status = 'RUNNING'")
    int requestCancel(@Param("id") long id);

    @Modifying(clearAutomatically = true, flushAutomatically = true)
    @Query("update TrainingJob j set j.step = :step, j.total = :total, j.etaSeconds = :eta "
            + "where j.id = :id and j.status = 'RUNNING'")
    int progress(@Param("id") long id, @Param("step") long step, @Param("total") long total,
                 @Param("eta") @Nullable Long eta);

    @Modifying(clearAutomatically = true, flushAutomatically = true)
    @Query("update TrainingJob j set j.logTail = :tail where j.id = :id")
    int logTail(@Param("id") long id, @Param("tail") String tail);

    @Modifying(clearAutomatically = true, flushAutomatically = true)
    @Query("update TrainingJob j set j.checkpointPath = :path where j.id = :id and j.status = 'RUNNING'")
    int checkpoint(@Param("id") long id, @Param("path") String path);

    @Modifying(clearAutomatically = true, flushAutomatically = true)
    @Query("update TrainingJob j set j.status = :status, j.error = :error, j.finishedAt = :now, j.etaSeconds = null "
            + "where j.id = :id and j.status = 'RUNNING'")
    int finish(@Param("id") long id, @Param("status") JobStatus status, @Param("error") @Nullable String error,
               @Param("now") Instant now);

    @Modifying(clearAutomatically = true, flushAutomatically = true)
    @Query("update TrainingJob j set j.status = 'QUEUED', j.etaSeconds = null where j.id = :id and j.status = 'RUNNING'")
    int requeue(@Param("id") long id);
}
