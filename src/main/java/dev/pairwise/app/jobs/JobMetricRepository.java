package dev.pairwise.app.jobs;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

/** Metric points, read per job in step order. */
interface JobMetricRepository extends JpaRepository<JobMetric, Long> {

    List<JobMetric> findByJobIdOrderByStepAscIdAsc(long jobId);
}
