package dev.pairwise.labeling.judgment;

import dev.pairwise.labeling.DatabaseKind;
import java.sql.Types;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Component;

/**
 * Writes what a labeler's submit stores, in the caller's transaction and under the task's row
 * lock: the judgment ({@link Judgment#byLabeler}), its ratings ({@link ResponseRating}), its
 * preference pairs ({@link JudgmentPair}), the lease marked submitted, and the judgment counted
 * on its task (which is completed when it reaches the project's overlap).
 *
 * <p>On PostgreSQL all of it is one statement (data-modifying {@code WITH} clauses): a submit is
 * the hottest write of the app, and each statement costs a round trip in the app and in the
 * database. H2 has no data-modifying {@code WITH}, so there the same rows are written by one
 * statement each (the pairs and ratings batched). Both paths are run by the judgment tests on
 * both databases.
 */
@Component
class JudgmentRows {

    private static final String JUDGMENT_INSERT = """
            INSERT INTO judgments (project_id, prompt_id, task_id, labeler_id, source, idempotency_key,
                                   presented_order, tiers, all_bad, better_response_id, rationale,
                                   time_on_task_ms, created_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";
    private static final String PAIR_COLUMNS =
            "preference_pairs (judgment_id, project_id, prompt_id, chosen_response_id, rejected_response_id, margin)";
    private static final String RATING_COLUMNS = "response_ratings (judgment_id, response_id, likert, flags)";
    private static final String MARK_SUBMITTED = "UPDATE assignments SET status = 'SUBMITTED' WHERE id = ?";
    private static final String COUNT_ON_TASK = """
            UPDATE comparison_tasks
               SET judgment_count = judgment_count + 1,
                   completed = judgment_count + 1 >= (SELECT p.overlap FROM projects p
                                                       WHERE p.id = comparison_tasks.project_id)
             WHERE id = ?""";

    /** A judgment's own row, as {@link #store} writes it. */
    record NewJudgment(long taskId, long projectId, long promptId, long labelerId, String idempotencyKey,
                       String presentedOrder, String tiers, boolean allBad, @Nullable Long betterResponseId,
                       @Nullable String rationale, long timeOnTaskMs, Instant createdAt) {
    }

    /** A rating row: a Likert score, flags, or both, of one response. */
    record Rating(long responseId, @Nullable Integer likert, String flags) {
    }

    private final JdbcClient jdbc;
    private final JdbcTemplate jdbcTemplate;
    private final boolean postgres;

    JudgmentRows(JdbcClient jdbc, JdbcTemplate jdbcTemplate, DatabaseKind database) {
        this.jdbc = jdbc;
        this.jdbcTemplate = jdbcTemplate;
        this.postgres = database.isPostgres();
    }

    /**
     * Stores the judgment with its ratings and pairs, marks the lease submitted and counts the
     * judgment on its task.
     *
     * @return the new judgment's id
     */
    long store(NewJudgment j, List<Rating> ratings, List<RankedPair> pairs, long leaseId) {
        return postgres ? storeInOneStatement(j, ratings, pairs, leaseId) : storeStatementByStatement(j, ratings, pairs, leaseId);
    }

    private long storeInOneStatement(NewJudgment j, List<Rating> ratings, List<RankedPair> pairs, long leaseId) {
        StringBuilder sql = new StringBuilder("WITH j AS (").append(JUDGMENT_INSERT).append(" RETURNING id)");
        List<Object> params = new ArrayList<>(judgmentParams(j));
        if (!pairs.isEmpty()) {
            sql.append(", p AS (INSERT INTO ").append(PAIR_COLUMNS)
                    .append(" SELECT j.id, ?, ?, v.chosen, v.rejected, v.margin FROM j CROSS JOIN (VALUES ")
                    .append(rows(pairs.size(), "(CAST(? AS BIGINT), CAST(? AS BIGINT), CAST(? AS INTEGER))"))
                    .append(") AS v (chosen, rejected, margin))");
            params.add(j.projectId());
            params.add(j.promptId());
            for (RankedPair p : pairs) {
                params.add(p.chosen());
                params.add(p.rejected());
                params.add(p.margin());
            }
        }
        if (!ratings.isEmpty()) {
            sql.append(", r AS (INSERT INTO ").append(RATING_COLUMNS)
                    .append(" SELECT j.id, v.response, v.likert, v.flags FROM j CROSS JOIN (VALUES ")
                    .append(rows(ratings.size(), "(CAST(? AS BIGINT), CAST(? AS INTEGER), CAST(? AS VARCHAR))"))
                    .append(") AS v (response, likert, flags))");
            for (Rating r : ratings) {
                params.add(r.responseId());
                params.add(new SqlParameterValue(Types.INTEGER, r.likert()));
                params.add(r.flags());
            }
        }
        sql.append(", a AS (").append(MARK_SUBMITTED).append(")");
        params.add(leaseId);
        sql.append(", c AS (").append(COUNT_ON_TASK).append(")");
        params.add(j.taskId());
        sql.append(" SELECT id FROM j");
        return jdbc.sql(sql.toString()).params(params).query(Long.class).single();
    }

    private long storeStatementByStatement(NewJudgment j, List<Rating> ratings, List<RankedPair> pairs, long leaseId) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql(JUDGMENT_INSERT).params(judgmentParams(j)).update(keys, "id");
        long judgmentId = Objects.requireNonNull(keys.getKeyAs(Long.class), "generated judgment id");
        if (!ratings.isEmpty()) {
            jdbcTemplate.batchUpdate("INSERT INTO " + RATING_COLUMNS + " VALUES (?, ?, ?, ?)", ratings.stream()
                    .map(r -> new Object[]{judgmentId, r.responseId(), new SqlParameterValue(Types.INTEGER, r.likert()),
                            r.flags()}).toList());
        }
        if (!pairs.isEmpty()) {
            jdbcTemplate.batchUpdate("INSERT INTO " + PAIR_COLUMNS + " VALUES (?, ?, ?, ?, ?, ?)", pairs.stream()
                    .map(p -> new Object[]{judgmentId, j.projectId(), j.promptId(), p.chosen(), p.rejected(), p.margin()})
                    .toList());
        }
        jdbc.sql(MARK_SUBMITTED).param(leaseId).update();
        jdbc.sql(COUNT_ON_TASK).param(j.taskId()).update();
        return judgmentId;
    }

    private static List<Object> judgmentParams(NewJudgment j) {
        return List.of(j.projectId(), j.promptId(), j.taskId(), j.labelerId(), Judgment.SOURCE_LABELER,
                j.idempotencyKey(), j.presentedOrder(), j.tiers(), j.allBad(),
                // typed nulls: an untyped null makes the driver ask the server for the type
                new SqlParameterValue(Types.BIGINT, j.betterResponseId()),
                new SqlParameterValue(Types.VARCHAR, j.rationale()), j.timeOnTaskMs(),
                j.createdAt().atOffset(ZoneOffset.UTC));
    }

    /** {@code n} copies of a VALUES row, comma-separated. */
    private static String rows(int n, String row) {
        return String.join(", ", java.util.Collections.nCopies(n, row));
    }
}
