package dev.pairwise.app.jobs;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A training job row. Created whole by {@link JobService#submit}; afterwards only the runner's
 * targeted updates ({@link TrainingJobRepository}) change it, so a cancel and a progress write
 * never overwrite each other. The dataset snapshot is written once, at submission.
 */
@Entity
@Table(name = "training_jobs")
class TrainingJob {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private JobType type;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private JobStatus status;

    @Column(nullable = false, length = 100000)
    private String config;

    @Enumerated(EnumType.STRING)
    @Column(name = "dataset_kind", nullable = false, length = 16)
    private DatasetKind datasetKind;

    @ElementCollection
    @CollectionTable(name = "job_dataset_items", joinColumns = @JoinColumn(name = "job_id"))
    @OrderColumn(name = "position")
    @Column(name = "item_id", nullable = false)
    private List<Long> datasetIds = new ArrayList<>();

    private long step;
    private long total;
    @Column(name = "eta_seconds")
    private @Nullable Long etaSeconds;
    @Column(name = "cancel_requested")
    private boolean cancelRequested;
    @Column(name = "checkpoint_path", length = 1000)
    private @Nullable String checkpointPath;
    @Column(length = 4000)
    private @Nullable String error;
    @Column(name = "log_tail", nullable = false, length = 20000)
    private String logTail = "";
    @Column(length = 200)
    private @Nullable String device;
    @Column(name = "submitted_by", length = 64)
    private @Nullable String submittedBy;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;
    @Column(name = "started_at")
    private @Nullable Instant startedAt;
    @Column(name = "finished_at")
    private @Nullable Instant finishedAt;
    @Column(name = "claimed_by", length = JobLeases.MAX_ID)
    private @Nullable String claimedBy;
    @Column(name = "lease_expires_at")
    private @Nullable Instant leaseExpiresAt;
    private int attempts;

    protected TrainingJob() {
    }

    TrainingJob(JobType type, String config, List<Long> datasetIds, @Nullable String submittedBy, Instant createdAt) {
        this.type = type;
        this.status = JobStatus.QUEUED;
        this.config = config;
        this.datasetKind = type.dataset();
        this.datasetIds = new ArrayList<>(datasetIds);
        this.submittedBy = submittedBy;
        this.createdAt = createdAt;
    }

    Long getId() {
        return id;
    }

    JobType getType() {
        return type;
    }

    JobStatus getStatus() {
        return status;
    }

    String getConfig() {
        return config;
    }

    boolean isCancelRequested() {
        return cancelRequested;
    }

    @Nullable String getClaimedBy() {
        return claimedBy;
    }

    List<Long> getDatasetIds() {
        return datasetIds;
    }

    JobView view() {
        return new JobView(id, type, status, config, datasetKind, datasetIds.size(), step, total, etaSeconds,
                cancelRequested, checkpointPath, error, logTail, submittedBy, createdAt, startedAt, finishedAt,
                claimedBy, leaseExpiresAt, attempts, device);
    }

    ClaimedJob claimed() {
        return new ClaimedJob(id, type, config, List.copyOf(datasetIds), step, checkpointPath, logTail, attempts);
    }
}
