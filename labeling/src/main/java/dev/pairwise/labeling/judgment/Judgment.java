package dev.pairwise.labeling.judgment;

import dev.pairwise.labeling.task.Ids;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One ranking of a task's responses, stored once; its preference pairs point back to it as
 * their group. Imported pre-judged pairs have no task and no labeler, and name their source.
 */
@Entity
@Table(name = "judgments")
public class Judgment {

    /** Source of judgments made in Pairwise by a labeler. */
    public static final String SOURCE_LABELER = "labeler";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "project_id", nullable = false)
    private long projectId;

    @Column(name = "prompt_id", nullable = false)
    private long promptId;

    @Column(name = "task_id")
    private @Nullable Long taskId;

    @Column(name = "labeler_id")
    private @Nullable Long labelerId;

    @Column(nullable = false, length = 32)
    private String source;

    @Column(name = "idempotency_key", length = 100)
    private @Nullable String idempotencyKey;

    @Column(name = "presented_order", nullable = false, length = 200)
    private String presentedOrder;

    @Column(nullable = false, length = 400)
    private String tiers;

    @Column(name = "all_bad", nullable = false)
    private boolean allBad;

    @Column(name = "better_response_id")
    private @Nullable Long betterResponseId;

    @Column(length = 10_000)
    private @Nullable String rationale;

    @Column(name = "time_on_task_ms")
    private @Nullable Long timeOnTaskMs;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    /** Who voted, by name, for an imported vote whose file says so; written by the importer only. */
    @Column(name = "external_labeler", length = 200, updatable = false, insertable = false)
    private @Nullable String externalLabeler;

    protected Judgment() {
    }

    /** A labeler's judgment of a task. */
    public static Judgment byLabeler(long projectId, long promptId, long taskId, long labelerId, String key,
                                     List<Long> presentedOrder, List<List<Long>> tiers, boolean allBad,
                                     @Nullable String rationale, @Nullable Long timeOnTaskMs, Instant now) {
        Judgment j = new Judgment();
        j.projectId = projectId;
        j.promptId = promptId;
        j.taskId = taskId;
        j.labelerId = labelerId;
        j.source = SOURCE_LABELER;
        j.idempotencyKey = key;
        j.presentedOrder = Ids.join(presentedOrder);
        j.tiers = Ids.joinTiers(tiers);
        j.allBad = allBad;
        j.rationale = rationale;
        j.timeOnTaskMs = timeOnTaskMs;
        j.createdAt = now;
        return j;
    }

    /** A pre-judged comparison from a file (HH-RLHF, TRL): no task, no labeler, usually no order or tiers. */
    public static Judgment imported(long projectId, long promptId, String source, List<Long> responseIds,
                                    List<List<Long>> tiers, Instant now) {
        Judgment j = new Judgment();
        j.projectId = projectId;
        j.promptId = promptId;
        j.source = source;
        j.presentedOrder = Ids.join(responseIds);
        j.tiers = Ids.joinTiers(tiers);
        j.createdAt = now;
        return j;
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

    public @Nullable Long getTaskId() {
        return taskId;
    }

    public @Nullable Long getLabelerId() {
        return labelerId;
    }

    public String getSource() {
        return source;
    }

    public @Nullable String getIdempotencyKey() {
        return idempotencyKey;
    }

    public List<Long> getPresentedOrder() {
        return Ids.split(presentedOrder);
    }

    public List<List<Long>> getTiers() {
        return Ids.splitTiers(tiers);
    }

    public boolean isAllBad() {
        return allBad;
    }

    public @Nullable Long getBetterResponseId() {
        return betterResponseId;
    }

    public void setBetterResponseId(Long betterResponseId) {
        this.betterResponseId = betterResponseId;
    }

    public @Nullable String getRationale() {
        return rationale;
    }

    public @Nullable Long getTimeOnTaskMs() {
        return timeOnTaskMs;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    /** The external name of an imported vote's labeler; null for judgments made here and when unknown. */
    public @Nullable String getExternalLabeler() {
        return externalLabeler;
    }
}
