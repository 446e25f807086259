package dev.pairwise.labeling.demo;

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

/** An instruction and the answer a person wrote for it: supervised fine-tuning (SFT) data. */
@Entity
@Table(name = "demonstrations")
public class Demonstration {

    /** Written on the demonstrations page. */
    public static final String SOURCE_WRITTEN = "written";
    /** A labeler's better answer when all ranked responses were bad. */
    public static final String SOURCE_BETTER_ANSWER = "better-answer";
    /** A model's answer to an instruction a SELF_INSTRUCT job generated, kept as a draft to edit. */
    public static final String SOURCE_SELF_INSTRUCT = "self-instruct";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "project_id", nullable = false)
    private long projectId;

    @Column(nullable = false, length = 1_000_000)
    private String instruction;

    @Column(nullable = false, length = 1_000_000)
    private String response;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private DemoStatus status;

    @Column(nullable = false, length = 32)
    private String source;

    @Column(name = "author_id")
    private @Nullable Long authorId;

    @Column(name = "reviewer_id")
    private @Nullable Long reviewerId;

    @Column(name = "review_note", length = 4000)
    private @Nullable String reviewNote;

    @Column(name = "judgment_id")
    private @Nullable Long judgmentId;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected Demonstration() {
    }

    public Demonstration(long projectId, String instruction, String response, DemoStatus status, String source,
                         @Nullable Long authorId, @Nullable Long judgmentId, Instant now) {
        this.projectId = projectId;
        this.instruction = instruction;
        this.response = response;
        this.status = status;
        this.source = source;
        this.authorId = authorId;
        this.judgmentId = judgmentId;
        this.createdAt = now;
        this.updatedAt = now;
    }

    void revise(String instruction, String response, Instant now) {
        this.instruction = instruction;
        this.response = response;
        this.status = DemoStatus.DRAFT;
        this.updatedAt = now;
    }

    /** A reviewer's edit: the text changes, the status does not. */
    void edit(String instruction, String response, Instant now) {
        this.instruction = instruction;
        this.response = response;
        this.updatedAt = now;
    }

    void moveTo(DemoStatus status, Instant now) {
        this.status = status;
        this.updatedAt = now;
    }

    void review(DemoStatus verdict, long reviewerId, @Nullable String note, Instant now) {
        this.status = verdict;
        this.reviewerId = reviewerId;
        this.reviewNote = note;
        this.updatedAt = now;
    }

    public Long getId() {
        return id;
    }

    public long getProjectId() {
        return projectId;
    }

    public String getInstruction() {
        return instruction;
    }

    public String getResponse() {
        return response;
    }

    public DemoStatus getStatus() {
        return status;
    }

    public String getSource() {
        return source;
    }

    public @Nullable Long getAuthorId() {
        return authorId;
    }

    public @Nullable Long getReviewerId() {
        return reviewerId;
    }

    public @Nullable String getReviewNote() {
        return reviewNote;
    }

    public @Nullable Long getJudgmentId() {
        return judgmentId;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }
}
