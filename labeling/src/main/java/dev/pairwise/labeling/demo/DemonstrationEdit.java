package dev.pairwise.labeling.demo;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A reviewer's edit of someone else's demonstration: who, when, and the text it replaced. The
 * demonstration holds the text as edited; the oldest edit of one holds its author's original.
 */
@Entity
@Table(name = "demonstration_edits")
public class DemonstrationEdit {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "demonstration_id", nullable = false)
    private long demonstrationId;

    @Column(name = "editor_id", nullable = false)
    private long editorId;

    @Column(name = "instruction_before", nullable = false, length = 1_000_000)
    private String instructionBefore;

    @Column(name = "response_before", nullable = false, length = 1_000_000)
    private String responseBefore;

    @Column(name = "edited_at", nullable = false)
    private Instant editedAt;

    protected DemonstrationEdit() {
    }

    DemonstrationEdit(long demonstrationId, long editorId, String instructionBefore, String responseBefore,
                      Instant editedAt) {
        this.demonstrationId = demonstrationId;
        this.editorId = editorId;
        this.instructionBefore = instructionBefore;
        this.responseBefore = responseBefore;
        this.editedAt = editedAt;
    }

    public Long getId() {
        return id;
    }

    public long getDemonstrationId() {
        return demonstrationId;
    }

    public long getEditorId() {
        return editorId;
    }

    public String getInstructionBefore() {
        return instructionBefore;
    }

    public String getResponseBefore() {
        return responseBefore;
    }

    public Instant getEditedAt() {
        return editedAt;
    }
}
