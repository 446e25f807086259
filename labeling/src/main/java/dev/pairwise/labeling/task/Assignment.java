package dev.pairwise.labeling.task;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A task handed to one labeler, with the order its responses were shown in. One row per
 * (task, labeler) ever, so nobody gets a task twice (a SKIPPED row is made ACTIVE again when the
 * task comes back to its labeler); an ACTIVE row past {@code expiresAt} no longer reserves the task.
 */
@Entity
@Table(name = "assignments")
public class Assignment {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "task_id", nullable = false)
    private long taskId;

    @Column(name = "labeler_id", nullable = false)
    private long labelerId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private AssignmentStatus status;

    @Column(name = "presented_order", nullable = false, length = 200)
    private String presentedOrder;

    @Column(name = "leased_at", nullable = false)
    private Instant leasedAt;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    /** When it was skipped (SKIPPED rows only): skipped tasks come back oldest skip first. */
    @Column(name = "skipped_at")
    private @Nullable Instant skippedAt;

    protected Assignment() {
    }

    public Assignment(long taskId, long labelerId, List<Long> presentedOrder, Instant leasedAt, Instant expiresAt) {
        this.taskId = taskId;
        this.labelerId = labelerId;
        this.status = AssignmentStatus.ACTIVE;
        this.presentedOrder = Ids.join(presentedOrder);
        this.leasedAt = leasedAt;
        this.expiresAt = expiresAt;
    }

    public Long getId() {
        return id;
    }

    public long getTaskId() {
        return taskId;
    }

    public long getLabelerId() {
        return labelerId;
    }

    public AssignmentStatus getStatus() {
        return status;
    }

    public void setStatus(AssignmentStatus status) {
        this.status = status;
    }

    public List<Long> getPresentedOrder() {
        return Ids.split(presentedOrder);
    }

    public Instant getLeasedAt() {
        return leasedAt;
    }

    public Instant getExpiresAt() {
        return expiresAt;
    }

    public @Nullable Instant getSkippedAt() {
        return skippedAt;
    }

    public boolean isLive(Instant now) {
        return status == AssignmentStatus.ACTIVE && expiresAt.isAfter(now);
    }
}
