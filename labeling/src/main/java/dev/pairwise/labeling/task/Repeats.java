package dev.pairwise.labeling.task;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Position-swapped repeats: a task a labeler judged is shown to them again,
 * unmarked, with its responses in reverse order; their second ranking is compared with the first
 * pair by pair. A labeler who reads the answers agrees with themself; one who clicks by position
 * does not. The second answer lives in {@code repeat_checks}, never in {@code judgments}: it does
 * not count towards the overlap and yields no training pairs.
 *
 * <p>Not the most recent judgments: a repeat right after the first answer tests memory, not
 * consistency, so the draw passes over the labeler's {@value #SKIP_RECENT} latest judgments and
 * picks at random among the {@value #POOL} before those.
 */
@Component
public class Repeats {

    static final int SKIP_RECENT = 3;
    static final int POOL = 20;

    private final JdbcClient jdbc;

    Repeats(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A repeat handed out to a labeler, answered or not. */
    public record Check(long id, long taskId, long judgmentId, List<Long> presentedOrder, Instant shownAt,
                        @Nullable String idempotencyKey, boolean answered, int compared) {
    }

    /** The labeler's unanswered repeat in the project, if any (they get it again until they answer or skip it). */
    Optional<Check> pending(long projectId, long labelerId) {
        return jdbc.sql(SELECT + " WHERE project_id = ? AND labeler_id = ? AND answered_at IS NULL")
                .params(projectId, labelerId).query(Repeats::row).optional();
    }

    /** The repeat of this task for this labeler, answered or not. */
    public Optional<Check> of(long taskId, long labelerId) {
        return jdbc.sql(SELECT + " WHERE task_id = ? AND labeler_id = ?")
                .params(taskId, labelerId).query(Repeats::row).optional();
    }

    /**
     * Picks a task the labeler judged and has not been shown again, and stores the repeat with the
     * first presentation reversed; empty when they have judged too few yet. The caller holds the
     * labeler's row lock, so two requests of one labeler cannot both draw.
     */
    Optional<Check> draw(long projectId, long labelerId, Instant now) {
        List<long[]> judged = new ArrayList<>();
        Map<Long, String> orders = new HashMap<>();
        jdbc.sql("""
                        SELECT j.id, j.task_id, j.presented_order
                          FROM judgments j JOIN comparison_tasks t ON t.id = j.task_id
                         WHERE j.project_id = ? AND j.labeler_id = ? AND t.gold = FALSE
                           AND NOT EXISTS (SELECT 1 FROM repeat_checks r WHERE r.task_id = j.task_id AND r.labeler_id = ?)
                         ORDER BY j.id DESC
                        OFFSET ? ROWS FETCH FIRST ? ROWS ONLY""")
                .params(projectId, labelerId, labelerId, SKIP_RECENT, POOL)
                .query(rs -> {
                    judged.add(new long[] {rs.getLong(1), rs.getLong(2)});
                    orders.put(rs.getLong(1), rs.getString(3));
                });
        if (judged.isEmpty()) {
            return Optional.empty();
        }
        long[] pick = judged.get(ThreadLocalRandom.current().nextInt(judged.size()));
        List<Long> order = new ArrayList<>(Ids.split(orders.get(pick[0])));
        Collections.reverse(order);
        jdbc.sql("""
                        INSERT INTO repeat_checks (project_id, task_id, labeler_id, judgment_id, presented_order, shown_at)
                        VALUES (?, ?, ?, ?, ?, ?)""")
                .params(projectId, pick[1], labelerId, pick[0], Ids.join(order), OpenTasks.at(now))
                .update();
        return of(pick[1], labelerId);
    }

    /**
     * Stores the labeler's second ranking and how it compares with their first.
     *
     * @return the number of response pairs both rankings ordered strictly
     */
    public int answer(Check check, List<List<Long>> tiers, String idempotencyKey, Instant now) {
        String first = jdbc.sql("SELECT tiers FROM judgments WHERE id = ?").param(check.judgmentId())
                .query(String.class).single();
        int[] agreement = agreement(Ids.splitTiers(first), tiers);
        jdbc.sql("""
                        UPDATE repeat_checks SET tiers = ?, agreed = ?, compared = ?, idempotency_key = ?, answered_at = ?
                         WHERE id = ? AND answered_at IS NULL""")
                .params(Ids.joinTiers(tiers), agreement[0], agreement[1], idempotencyKey, OpenTasks.at(now), check.id())
                .update();
        return agreement[1];
    }

    /** Drops an unanswered repeat the labeler skipped; false when they have none of this task. */
    public boolean dropPending(long taskId, long labelerId) {
        return jdbc.sql("DELETE FROM repeat_checks WHERE task_id = ? AND labeler_id = ? AND answered_at IS NULL")
                .params(taskId, labelerId).update() > 0;
    }

    /**
     * {agreed, compared}: over the response pairs both rankings put in different tiers, how many
     * they order the same way. Pairs either ranking ties are left out, as in pairwise agreement.
     */
    static int[] agreement(List<List<Long>> first, List<List<Long>> second) {
        Map<Long, Integer> a = tierOf(first);
        Map<Long, Integer> b = tierOf(second);
        List<Long> ids = new ArrayList<>(a.keySet());
        int agreed = 0;
        int compared = 0;
        for (int i = 0; i < ids.size(); i++) {
            for (int j = i + 1; j < ids.size(); j++) {
                Long x = ids.get(i);
                Long y = ids.get(j);
                if (!b.containsKey(x) || !b.containsKey(y)) {
                    continue;
                }
                int da = Integer.compare(a.get(x), a.get(y));
                int db = Integer.compare(b.get(x), b.get(y));
                if (da != 0 && db != 0) {
                    compared++;
                    if (da == db) {
                        agreed++;
                    }
                }
            }
        }
        return new int[] {agreed, compared};
    }

    private static Map<Long, Integer> tierOf(List<List<Long>> tiers) {
        Map<Long, Integer> tier = new HashMap<>();
        for (int t = 0; t < tiers.size(); t++) {
            for (Long id : tiers.get(t)) {
                tier.put(id, t);
            }
        }
        return tier;
    }

    private static final String SELECT = """
            SELECT id, task_id, judgment_id, presented_order, shown_at, idempotency_key, answered_at, compared
              FROM repeat_checks""";

    private static Check row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Check(rs.getLong(1), rs.getLong(2), rs.getLong(3), Ids.split(rs.getString(4)),
                rs.getObject(5, java.time.OffsetDateTime.class).toInstant(), rs.getString(6),
                rs.getObject(7) != null, rs.getInt(8));
    }
}
