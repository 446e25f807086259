package dev.pairwise.app.registry;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A row of the model registry; written once, never changed. */
@Entity
@Table(name = "model_checkpoints")
class ModelCheckpoint {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(nullable = false, length = 200)
    private String name;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private CheckpointKind kind;
    @Column(nullable = false, length = 1000)
    private String path;
    @Column(name = "parent_id")
    private @Nullable Long parentId;
    @Column(name = "job_id")
    private @Nullable Long jobId;
    @Column(nullable = false, length = 10000)
    private String metrics;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected ModelCheckpoint() {
    }

    ModelCheckpoint(String name, CheckpointKind kind, String path, @Nullable Long parentId, @Nullable Long jobId,
                    String metrics, Instant createdAt) {
        this.name = name;
        this.kind = kind;
        this.path = path;
        this.parentId = parentId;
        this.jobId = jobId;
        this.metrics = metrics;
        this.createdAt = createdAt;
    }

    CheckpointKind getKind() {
        return kind;
    }

    CheckpointView view() {
        return new CheckpointView(id, name, kind, path, parentId, jobId, metrics, createdAt);
    }
}
