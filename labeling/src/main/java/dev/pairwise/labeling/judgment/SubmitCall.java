package dev.pairwise.labeling.judgment;

import java.sql.Types;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.OptionalLong;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A judgment's submit on PostgreSQL as one call into the database ({@code labeling_submit}, see
 * migration V21): lock the task, check that the key is new and that the caller holds a live lease
 * shown in this order, then store the judgment, its pairs and ratings, mark the lease submitted
 * and count the judgment on its task — {@link JudgmentService}'s statements in one round trip.
 * Outside a transaction it runs auto-committed: the judgment is stored whole, and committed,
 * before the answer goes back (what a {@code kill -9} test relies on).
 *
 * <p>Empty means "fall back": nothing was written, and the caller runs the Java path, which
 * answers the cases the function leaves to it (a replay, a repeat, a gold task, an expired lease,
 * each refusal with its own message).
 */
@Component
class SubmitCall {

    private final JdbcClient jdbc;

    SubmitCall(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * @param order  the order the client says it was shown (checked against the lease's)
     * @param pairs  the pairs expanded from {@code tiers}, stored in this order
     */
    OptionalLong submit(long taskId, long labelerId, String key, String order, String tiers, @Nullable String rationale,
                        @Nullable Long timeOnTaskMs, Instant now, List<RankedPair> pairs,
                        List<JudgmentRows.Rating> ratings) {
        List<Long> id = jdbc.sql("SELECT labeling_submit(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(taskId, labelerId, key, order, tiers,
                        // typed nulls: an untyped null makes the driver ask the server for the type
                        new SqlParameterValue(Types.VARCHAR, rationale), new SqlParameterValue(Types.BIGINT, timeOnTaskMs),
                        now.atOffset(ZoneOffset.UTC), Judgment.SOURCE_LABELER, pairsText(pairs),
                        ratingsText(ratings))
                .query(Long.class).list();
        return id.getFirst() == null ? OptionalLong.empty() : OptionalLong.of(id.getFirst());
    }

    /** "chosen,rejected,margin;…", as the function reads them. */
    private static String pairsText(List<RankedPair> pairs) {
        return pairs.stream().map(p -> p.chosen() + "," + p.rejected() + "," + p.margin())
                .collect(Collectors.joining(";"));
    }

    /** "response|likert|flags;…" (likert empty for none; flags are enum names, comma-separated). */
    private static String ratingsText(List<JudgmentRows.Rating> ratings) {
        return ratings.stream().map(r -> r.responseId() + "|" + (r.likert() == null ? "" : r.likert()) + "|" + r.flags())
                .collect(Collectors.joining(";"));
    }
}
