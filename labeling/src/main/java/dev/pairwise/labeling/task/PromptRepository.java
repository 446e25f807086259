package dev.pairwise.labeling.task;

import org.springframework.data.jpa.repository.JpaRepository;

/** Prompts by id. */
public interface PromptRepository extends JpaRepository<Prompt, Long> {

    long countByProjectId(long projectId);
}
