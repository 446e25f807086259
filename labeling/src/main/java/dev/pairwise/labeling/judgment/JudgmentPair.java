package dev.pairwise.labeling.judgment;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A stored preference pair of a judgment (the training record of a pair is policy's
 * {@code PreferencePair}): "chosen is better than rejected" for one prompt, by {@code margin}
 * tiers. Pairs of one judgment form a group: InstructGPT trains on all K·(K−1)/2 pairs of a
 * ranking as one batch element, so they are not treated as independent samples.
 */
@Entity
@Table(name = "preference_pairs")
public class JudgmentPair {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "judgment_id", nullable = false)
    private long judgmentId;

    @Column(name = "project_id", nullable = false)
    private long projectId;

    @Column(name = "prompt_id", nullable = false)
    private long promptId;

    @Column(name = "chosen_response_id", nullable = false)
    private long chosenResponseId;

    @Column(name = "rejected_response_id", nullable = false)
    private long rejectedResponseId;

    @Column(nullable = false)
    private int margin;

    protected JudgmentPair() {
    }

    public JudgmentPair(long judgmentId, long projectId, long promptId, RankedPair pair) {
        this.judgmentId = judgmentId;
        this.projectId = projectId;
        this.promptId = promptId;
        this.chosenResponseId = pair.chosen();
        this.rejectedResponseId = pair.rejected();
        this.margin = pair.margin();
    }

    public Long getId() {
        return id;
    }

    public long getJudgmentId() {
        return judgmentId;
    }

    public long getProjectId() {
        return projectId;
    }

    public long getPromptId() {
        return promptId;
    }

    public long getChosenResponseId() {
        return chosenResponseId;
    }

    public long getRejectedResponseId() {
        return rejectedResponseId;
    }

    public int getMargin() {
        return margin;
    }
}
