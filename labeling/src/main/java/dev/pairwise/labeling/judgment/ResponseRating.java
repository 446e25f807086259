package dev.pairwise.labeling.judgment;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/** A labeler's Likert score (1..7, optional) and flags for one response within a judgment. */
@Entity
@Table(name = "response_ratings")
public class ResponseRating {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "judgment_id", nullable = false)
    private long judgmentId;

    @Column(name = "response_id", nullable = false)
    private long responseId;

    private @Nullable Integer likert;

    @Column(nullable = false, length = 200)
    private String flags;

    protected ResponseRating() {
    }

    public ResponseRating(long judgmentId, long responseId, @Nullable Integer likert, Set<ResponseFlag> flags) {
        this.judgmentId = judgmentId;
        this.responseId = responseId;
        this.likert = likert;
        this.flags = flagsText(flags);
    }

    /** The flags column: flag names in their declared order, comma-separated ("" for none). */
    static String flagsText(Set<ResponseFlag> flags) {
        return flags.stream().sorted().map(Enum::name).collect(Collectors.joining(","));
    }

    public long getJudgmentId() {
        return judgmentId;
    }

    public long getResponseId() {
        return responseId;
    }

    public @Nullable Integer getLikert() {
        return likert;
    }

    public Set<ResponseFlag> getFlags() {
        if (flags.isEmpty()) {
            return EnumSet.noneOf(ResponseFlag.class);
        }
        return Arrays.stream(flags.split(",")).map(ResponseFlag::valueOf)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(ResponseFlag.class)));
    }
}
