package dev.pairwise.labeling.task;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A prompt and the 2..K responses a labeler ranks together. It wants {@code project.overlap}
 * judgments; its row is the lock that keeps concurrent labelers from overfilling it, and it
 * counts the judgments it has so that open work is found by an index, not by counting.
 */
@Entity
@Table(name = "comparison_tasks")
public class ComparisonTask {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "project_id", nullable = false)
    private long projectId;

    @Column(name = "prompt_id", nullable = false)
    private long promptId;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "task_responses", joinColumns = @JoinColumn(name = "task_id"))
    @OrderColumn(name = "position")
    @Column(name = "response_id", nullable = false)
    private List<Long> responseIds = new ArrayList<>();

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    /** Judgments stored for this task; kept by the judgment insert itself (SQL), never by the entity. */
    @Column(name = "judgment_count", nullable = false, insertable = false, updatable = false)
    private int judgmentCount;

    /** Reached the project's overlap; kept in SQL like {@link #judgmentCount}. */
    @Column(nullable = false, insertable = false, updatable = false)
    private boolean completed;

    protected ComparisonTask() {
    }

    public ComparisonTask(long projectId, long promptId, List<Long> responseIds, Instant createdAt) {
        this.projectId = projectId;
        this.promptId = promptId;
        this.responseIds = new ArrayList<>(responseIds);
        this.createdAt = createdAt;
    }

    public Long getId() {
        return id;
    }

    public long getProjectId() {
        return projectId;
    }

    public long getPromptId() {
        return promptId;
    }

    /** Response ids in their stored (canonical) order. */
    public List<Long> getResponseIds() {
        return List.copyOf(responseIds);
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public int getJudgmentCount() {
        return judgmentCount;
    }

    public boolean isCompleted() {
        return completed;
    }
}
