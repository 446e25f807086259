package dev.pairwise.app.registry;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/** The model registry's rows. */
interface ModelCheckpointRepository extends JpaRepository<ModelCheckpoint, Long> {

    boolean existsByName(String name);

    Optional<ModelCheckpoint> findByName(String name);

    List<ModelCheckpoint> findByKindOrderByIdDesc(CheckpointKind kind);

    List<ModelCheckpoint> findAllByOrderByIdDesc();

    /**
     * Whether a training job of this id exists (1) or not (0): the table the {@code job_id}
     * foreign key names, read here so that the registry need not know the job queue's classes.
     */
    @Query(value = "select count(*) from training_jobs where id = :id", nativeQuery = true)
    long countJobs(@Param("id") long id);
}
