package dev.pairwise.labeling.task;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

/** Responses by id and by prompt. */
public interface ResponseRepository extends JpaRepository<Response, Long> {

    List<Response> findByPromptIdOrderById(long promptId);
}
