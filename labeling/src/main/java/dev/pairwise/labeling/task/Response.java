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
import org.jspecify.annotations.Nullable;

/** One answer to a prompt, with its {@link Origin}. */
@Entity
@Table(name = "responses")
public class Response {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "prompt_id", nullable = false)
    private long promptId;

    @Column(nullable = false, length = 1_000_000)
    private String text;

    @Enumerated(EnumType.STRING)
    @Column(name = "origin_kind", nullable = false, length = 16)
    private OriginKind originKind;

    @Column(name = "origin_model", length = 200)
    private @Nullable String originModel;

    @Column(name = "origin_settings", length = 4000)
    private @Nullable String originSettings;

    @Column(name = "author_id")
    private @Nullable Long authorId;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected Response() {
    }

    public Response(long promptId, String text, Origin origin, @Nullable Long authorId, Instant createdAt) {
        this.promptId = promptId;
        this.text = text;
        this.originKind = origin.kind();
        this.originModel = origin.model();
        this.originSettings = origin.settings();
        this.authorId = authorId;
        this.createdAt = createdAt;
    }

    public Long getId() {
        return id;
    }

    public long getPromptId() {
        return promptId;
    }

    public String getText() {
        return text;
    }

    public Origin getOrigin() {
        return new Origin(originKind, originModel, originSettings);
    }

    public @Nullable Long getAuthorId() {
        return authorId;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
