package dev.pairwise.labeling.judgment;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

/** Per-response ratings and flags. */
public interface ResponseRatingRepository extends JpaRepository<ResponseRating, Long> {

    List<ResponseRating> findByJudgmentId(long judgmentId);
}
