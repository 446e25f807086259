package dev.pairwise.labeling.quality;

import dev.pairwise.labeling.ConflictException;
import dev.pairwise.labeling.NotFoundException;
import dev.pairwise.labeling.TextRules;
import dev.pairwise.labeling.judgment.PairExpansion;
import dev.pairwise.labeling.judgment.RankedPair;
import dev.pairwise.labeling.judgment.RankingValidator;
import dev.pairwise.labeling.task.Ids;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A reviewer's adjudicated ranking of a disputed task, one per task. It is stored as a judgment
 * of source {@link #SOURCE} without a labeler, with its preference pairs, so the pairs export and
 * training read it like any ranking; the {@code adjudications} row says who decided and marks it,
 * so exports label it and training can prefer it over the labelers' rankings of the task. It does
 * not count toward the task's overlap.
 */
@Service
public class Adjudications {

    /** The judgments source of an adjudicated ranking. */
    public static final String SOURCE = "adjudication";

    /** An adjudicated ranking: the task, its judgment, who decided, the tiers best first. */
    public record Adjudication(long taskId, long judgmentId, long reviewerId, String reviewer,
                               List<List<Long>> tiers, @Nullable String note, Instant createdAt) {
    }

    private final JdbcClient jdbc;
    private final JdbcTemplate jdbcTemplate;
    private final Clock clock;

    Adjudications(JdbcClient jdbc, JdbcTemplate jdbcTemplate, Clock clock) {
        this.jdbc = jdbc;
        this.jdbcTemplate = jdbcTemplate;
        this.clock = clock;
    }

    /**
     * Records the ranking of a task (every response once, best tier first) by a reviewer; a task
     * is adjudicated once ({@link ConflictException} after).
     */
    @Transactional
    public Adjudication adjudicate(long taskId, long reviewerId, List<List<Long>> tiers, @Nullable String note) {
        record Task(long projectId, long promptId) {
        }
        // the task's row lock: two reviewers deciding at once are ordered here
        Task task = jdbc.sql("SELECT project_id, prompt_id FROM comparison_tasks WHERE id = ? FOR UPDATE")
                .param(taskId).query((rs, n) -> new Task(rs.getLong(1), rs.getLong(2))).optional()
                .orElseThrow(() -> NotFoundException.of("taskId", "task", taskId));
        List<Long> responses = jdbc.sql("SELECT response_id FROM task_responses WHERE task_id = ? ORDER BY position")
                .param(taskId).query(Long.class).list();
        RankingValidator.validateTiers(responses, tiers);
        String cleanNote = TextRules.optional("note", note, 4000);
        if (find(taskId).isPresent()) {
            throw new ConflictException("taskId", "task " + taskId + " is adjudicated already");
        }
        String reviewer = jdbc.sql("SELECT username FROM accounts WHERE id = ?").param(reviewerId)
                .query(String.class).optional()
                .orElseThrow(() -> NotFoundException.of("reviewerId", "account", reviewerId));
        Instant now = clock.instant();
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        INSERT INTO judgments (project_id, prompt_id, task_id, source, presented_order, tiers, all_bad,
                                               created_at)
                        VALUES (?, ?, ?, ?, ?, ?, FALSE, ?)""")
                .params(task.projectId(), task.promptId(), taskId, SOURCE, Ids.join(responses), Ids.joinTiers(tiers),
                        now.atOffset(ZoneOffset.UTC))
                .update(keys, "id");
        long judgmentId = Objects.requireNonNull(keys.getKeyAs(Long.class), "generated judgment id");
        List<RankedPair> pairs = PairExpansion.expand(tiers);
        if (!pairs.isEmpty()) {
            jdbcTemplate.batchUpdate("""
                            INSERT INTO preference_pairs (judgment_id, project_id, prompt_id, chosen_response_id,
                                                          rejected_response_id, margin) VALUES (?, ?, ?, ?, ?, ?)""",
                    pairs.stream().map(p -> new Object[]{judgmentId, task.projectId(), task.promptId(), p.chosen(),
                            p.rejected(), p.margin()}).toList());
        }
        jdbc.sql("""
                        INSERT INTO adjudications (task_id, project_id, judgment_id, reviewer_id, note, created_at)
                        VALUES (?, ?, ?, ?, ?, ?)""")
                .params(taskId, task.projectId(), judgmentId, reviewerId, cleanNote, now.atOffset(ZoneOffset.UTC))
                .update();
        return new Adjudication(taskId, judgmentId, reviewerId, reviewer, tiers, cleanNote, now);
    }

    /** The task's adjudication, if it has one. */
    @Transactional(readOnly = true)
    public Optional<Adjudication> find(long taskId) {
        return jdbc.sql("""
                        SELECT d.task_id, d.judgment_id, d.reviewer_id, a.username, j.tiers, d.note, d.created_at
                          FROM adjudications d JOIN judgments j ON j.id = d.judgment_id
                          JOIN accounts a ON a.id = d.reviewer_id
                         WHERE d.task_id = ?""")
                .param(taskId)
                .query((rs, n) -> new Adjudication(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4),
                        Ids.splitTiers(rs.getString(5)), rs.getString(6),
                        rs.getObject(7, OffsetDateTime.class).toInstant()))
                .optional();
    }

    /** The ids of the project's adjudicated tasks. */
    @Transactional(readOnly = true)
    public List<Long> adjudicatedTasks(long projectId) {
        return jdbc.sql("SELECT task_id FROM adjudications WHERE project_id = ? ORDER BY project_id, task_id")
                .param(projectId).query(Long.class).list();
    }
}
