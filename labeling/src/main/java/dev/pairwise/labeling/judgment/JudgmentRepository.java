package dev.pairwise.labeling.judgment;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

/** Judgments by idempotency key, task and project. */
public interface JudgmentRepository extends JpaRepository<Judgment, Long> {

    Optional<Judgment> findByIdempotencyKey(String key);

    Optional<Judgment> findByTaskIdAndLabelerId(long taskId, long labelerId);

    long countByTaskId(long taskId);

    long countByProjectId(long projectId);

    List<Judgment> findByProjectIdOrderById(long projectId);
}
