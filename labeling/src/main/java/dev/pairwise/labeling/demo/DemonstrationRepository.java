package dev.pairwise.labeling.demo;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

/** Demonstrations; searched with specifications built by {@link DemonstrationService}. */
public interface DemonstrationRepository extends JpaRepository<Demonstration, Long>,
        JpaSpecificationExecutor<Demonstration> {

    long countByProjectIdAndStatus(long projectId, DemoStatus status);
}
