package dev.pairwise.labeling.demo;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

/** Reviewers' edits of demonstrations, oldest first. */
interface DemonstrationEditRepository extends JpaRepository<DemonstrationEdit, Long> {

    List<DemonstrationEdit> findByDemonstrationIdOrderByIdAsc(long demonstrationId);
}
