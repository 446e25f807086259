package dev.pairwise.labeling.project;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

/** Projects by id and by their unique name. */
public interface ProjectRepository extends JpaRepository<Project, Long> {

    Optional<Project> findByName(String name);

    boolean existsByNameAndIdNot(String name, Long id);

    boolean existsByName(String name);
}
