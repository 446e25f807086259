package dev.pairwise.labeling.judgment;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

/** Preference pairs by judgment (group) and project. */
public interface PreferencePairRepository extends JpaRepository<PreferencePair, Long> {

    List<PreferencePair> findByJudgmentIdOrderById(long judgmentId);

    long countByProjectId(long projectId);

    long countByJudgmentId(long judgmentId);
}
