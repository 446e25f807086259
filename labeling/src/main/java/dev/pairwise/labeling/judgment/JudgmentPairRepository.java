package dev.pairwise.labeling.judgment;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

/** Preference pairs by judgment (group) and project. */
public interface JudgmentPairRepository extends JpaRepository<JudgmentPair, Long> {

    List<JudgmentPair> findByJudgmentIdOrderById(long judgmentId);

    long countByProjectId(long projectId);

    long countByJudgmentId(long judgmentId);
}
