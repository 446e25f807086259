package dev.pairwise.labeling.task;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/** Tasks and their counts; the statements of assignment itself are in {@link OpenTasks}. */
public interface ComparisonTaskRepository extends JpaRepository<ComparisonTask, Long> {

    long countByProjectId(long projectId);

    /** Tasks with at least {@code overlap} judgments. */
    @Query(value = "SELECT COUNT(*) FROM comparison_tasks t WHERE t.project_id = :projectId AND t.judgment_count >= :overlap",
            nativeQuery = true)
    long countDone(@Param("projectId") long projectId, @Param("overlap") int overlap);
}
