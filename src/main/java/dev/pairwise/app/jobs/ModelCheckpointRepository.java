package dev.pairwise.app.jobs;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

/** The model registry's rows. */
interface ModelCheckpointRepository extends JpaRepository<ModelCheckpoint, Long> {

    boolean existsByName(String name);

    Optional<ModelCheckpoint> findByName(String name);

    List<ModelCheckpoint> findByKindOrderByIdDesc(CheckpointKind kind);

    List<ModelCheckpoint> findAllByOrderByIdDesc();
}
