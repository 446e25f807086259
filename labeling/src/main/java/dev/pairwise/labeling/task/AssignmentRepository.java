package dev.pairwise.labeling.task;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

/** Assignments (leases) of tasks to labelers; the hot paths read and write them through {@link Leases}. */
public interface AssignmentRepository extends JpaRepository<Assignment, Long> {

    Optional<Assignment> findByTaskIdAndLabelerId(long taskId, long labelerId);
}
