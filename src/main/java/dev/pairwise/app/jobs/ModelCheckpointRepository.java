package dev.pairwise.app.jobs;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

/** The model registry's rows. */
interface ModelCheckpointRepository extends JpaRepository<ModelCheckpoint, Long> {

    boolean existsByName(String name);

    List<ModelCheckpoint> findByKindOrderByIdDesc(CheckpointKind kind);

    List<ModelCheckpoint> findAllByOrderByIdDesc();
}
