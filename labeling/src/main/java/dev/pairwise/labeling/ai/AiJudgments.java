package dev.pairwise.labeling.ai;

import dev.pairwise.labeling.ConflictException;
import dev.pairwise.labeling.NotFoundException;
import dev.pairwise.labeling.account.Account;
import dev.pairwise.labeling.account.AccountRepository;
import dev.pairwise.labeling.account.Role;
import dev.pairwise.labeling.judgment.PairExpansion;
import dev.pairwise.labeling.judgment.RankedPair;
import dev.pairwise.labeling.judgment.RankingValidator;
import dev.pairwise.labeling.task.Ids;
import dev.pairwise.labeling.task.ShownResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Types;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * AI judges' accounts, verdicts and judgments. An AI judgment is a row of {@code judgments} like
 * a person's (the judge's account as its labeler, its preference pairs expanded the same way), with
 * {@code ai = TRUE} and source {@value #SOURCE}. It takes no assignment and is not counted in the
 * task's {@code judgment_count}, so it never fills a slot of the project's overlap: people's
 * queues look exactly as they would without it. Every verdict, abstentions included, keeps the
 * judge's raw answers in {@code ai_verdicts}.
 */
@Service
public class AiJudgments {

    /** The {@code judgments.source} of AI judgments. */
    public static final String SOURCE = "ai-judge";

    /** Never a bcrypt hash, so no password matches it (the account is also disabled and its role refused). */
    static final String NO_PASSWORD = "!ai-judge:never-signs-in";

    private final JdbcClient jdbc;
    private final JdbcTemplate jdbcTemplate;
    private final AccountRepository accounts;
    private final Clock clock;

    AiJudgments(JdbcClient jdbc, JdbcTemplate jdbcTemplate, AccountRepository accounts, Clock clock) {
        this.jdbc = jdbc;
        this.jdbcTemplate = jdbcTemplate;
        this.accounts = accounts;
        this.clock = clock;
    }

    /**
     * The username of the AI account of a judge system (a connection's or checkpoint's name):
     * {@code ai.<name>} in the characters usernames take, with a short hash of the exact name when
     * the name had to change to fit, so two systems never share an account.
     */
    public static String accountName(String system) {
        String slug = system.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._-]+", "-");
        if (slug.equals(system) && slug.length() <= 61) {
            return "ai." + slug;
        }
        return "ai." + slug.substring(0, Math.min(slug.length(), 51)) + "-" + shortHash(system);
    }

    /**
     * The id of the judge system's AI account, created on first use: role {@link Role#AI_JUDGE}
     * only, disabled, with no password that can match.
     *
     * @throws ConflictException when a person's account already has that username
     */
    @Transactional
    public long judgeAccount(String system) {
        String name = accountName(system);
        Optional<Account> found = accounts.findByUsername(name);
        if (found.isPresent()) {
            if (!found.get().hasRole(Role.AI_JUDGE)) {
                throw new ConflictException("judge", "The username " + name + " of this judge's AI account belongs "
                        + "to a person's account");
            }
            return found.get().getId();
        }
        String display = ("AI judge " + system).substring(0, Math.min(128, ("AI judge " + system).length()));
        Account account = new Account(name, display, NO_PASSWORD, Set.of(Role.AI_JUDGE), clock.instant());
        account.setEnabled(false);
        return accounts.saveAndFlush(account).getId();
    }

    /**
     * The project's tasks the judge (by its system name) has no verdict on yet, oldest first, at
     * most {@code max}: an AI_JUDGE job's snapshot. Gold tasks are included (a judge's score on
     * them is worth knowing); tasks completed by people are too.
     */
    @Transactional(readOnly = true)
    public List<Long> tasksToJudge(long projectId, String system, int max) {
        return jdbc.sql("""
                        SELECT t.id FROM comparison_tasks t
                         WHERE t.project_id = ?
                           AND NOT EXISTS (SELECT 1 FROM ai_verdicts v JOIN accounts a ON a.id = v.judge_id
                                            WHERE v.task_id = t.id AND a.username = ?)
                         ORDER BY t.project_id, t.id
                         LIMIT ?""")
                .params(projectId, accountName(system), max).query(Long.class).list();
    }

    /** The task as the judge is shown it; {@link NotFoundException} naming {@code taskId}. */
    @Transactional(readOnly = true)
    public TaskToJudge task(long taskId) {
        record Head(long projectId, long promptId, String prompt) {
        }
        Head head = jdbc.sql("""
                        SELECT t.project_id, t.prompt_id, p.text FROM comparison_tasks t
                          JOIN prompts p ON p.id = t.prompt_id WHERE t.id = ?""")
                .param(taskId).query((rs, n) -> new Head(rs.getLong(1), rs.getLong(2), rs.getString(3))).optional()
                .orElseThrow(() -> NotFoundException.of("taskId", "task", taskId));
        List<ShownResponse> responses = jdbc.sql("""
                        SELECT r.id, r.text FROM task_responses tr JOIN responses r ON r.id = tr.response_id
                         WHERE tr.task_id = ? ORDER BY tr.position""")
                .param(taskId).query((rs, n) -> new ShownResponse(rs.getLong(1), rs.getString(2))).list();
        return new TaskToJudge(taskId, head.projectId(), head.promptId(), head.prompt(), responses);
    }

    /**
     * Stores a verdict of the judge, in one transaction: the judgment and its preference pairs
     * (RANKED, TIE), then the verdict with both raw answers. A task the judge already has a
     * verdict on keeps the first one (a resumed job may ask again).
     *
     * @return the verdict's id, or empty when one was stored before
     * @throws IllegalArgumentException when the tiers are not a ranking of the task's responses
     */
    @Transactional
    public Optional<Long> record(long judgeId, NewAiVerdict v) {
        // The task row lock orders two runs of the same judge on one task.
        TaskToJudge task = lockedTask(v.taskId());
        if (jdbc.sql("SELECT COUNT(*) FROM ai_verdicts WHERE task_id = ? AND judge_id = ?")
                .params(v.taskId(), judgeId).query(Long.class).single() > 0) {
            return Optional.empty();
        }
        List<Long> ids = task.order();
        RankingValidator.validateOrder(ids, v.forwardOrder());
        OffsetDateTime now = clock.instant().atOffset(ZoneOffset.UTC);
        Long judgmentId = null;
        if (v.tiers() != null) {
            RankingValidator.validateTiers(ids, v.tiers());
            judgmentId = insertJudgment(task, judgeId, v, now);
        }
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        INSERT INTO ai_verdicts (project_id, task_id, judge_id, job_id, outcome, reason, judgment_id,
                                                 forward_order, forward_answer, forward_ranking, reversed_answer,
                                                 reversed_ranking, created_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(task.projectId(), task.taskId(), judgeId, new SqlParameterValue(Types.BIGINT, v.jobId()),
                        v.outcome().name(), text(clip(v.reason(), 400)), new SqlParameterValue(Types.BIGINT, judgmentId),
                        Ids.join(v.forwardOrder()), text(v.forwardAnswer()), text(tiers(v.forwardRanking())),
                        text(v.reversedAnswer()), text(tiers(v.reversedRanking())), now)
                .update(keys, "id");
        return Optional.of(Objects.requireNonNull(keys.getKeyAs(Long.class), "generated verdict id"));
    }

    private TaskToJudge lockedTask(long taskId) {
        jdbc.sql("SELECT id FROM comparison_tasks WHERE id = ? FOR UPDATE").param(taskId).query(Long.class).optional()
                .orElseThrow(() -> NotFoundException.of("taskId", "task", taskId));
        return task(taskId);
    }

    private long insertJudgment(TaskToJudge task, long judgeId, NewAiVerdict v, OffsetDateTime now) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        INSERT INTO judgments (project_id, prompt_id, task_id, labeler_id, source, presented_order,
                                               tiers, all_bad, created_at, ai)
                        VALUES (?, ?, ?, ?, ?, ?, ?, FALSE, ?, TRUE)""")
                .params(task.projectId(), task.promptId(), task.taskId(), judgeId, SOURCE, Ids.join(v.forwardOrder()),
                        Ids.joinTiers(Objects.requireNonNull(v.tiers())), now)
                .update(keys, "id");
        long judgmentId = Objects.requireNonNull(keys.getKeyAs(Long.class), "generated judgment id");
        List<RankedPair> pairs = PairExpansion.expand(v.tiers());
        if (!pairs.isEmpty()) {
            jdbcTemplate.batchUpdate("""
                            INSERT INTO preference_pairs (judgment_id, project_id, prompt_id, chosen_response_id,
                                                          rejected_response_id, margin) VALUES (?, ?, ?, ?, ?, ?)""",
                    pairs.stream().map(p -> new Object[]{judgmentId, task.projectId(), task.promptId(), p.chosen(),
                            p.rejected(), p.margin()}).toList());
        }
        return judgmentId;
    }

    /** A judge's verdict counts on one project. */
    public record JudgeSummary(String judge, long ranked, long ties, long abstained) {
    }

    /** Each judge's verdict counts on the project, by judge username. */
    @Transactional(readOnly = true)
    public List<JudgeSummary> summaries(long projectId) {
        return jdbc.sql("""
                        SELECT a.username,
                               SUM(CASE WHEN v.outcome = 'RANKED' THEN 1 ELSE 0 END),
                               SUM(CASE WHEN v.outcome = 'TIE' THEN 1 ELSE 0 END),
                               SUM(CASE WHEN v.outcome = 'ABSTAIN' THEN 1 ELSE 0 END)
                          FROM ai_verdicts v JOIN accounts a ON a.id = v.judge_id
                         WHERE v.project_id = ?
                         GROUP BY a.username ORDER BY a.username""")
                .param(projectId)
                .query((rs, n) -> new JudgeSummary(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)))
                .list();
    }

    /** The project's verdicts, oldest first, after verdict id {@code after}, at most {@code limit}. */
    @Transactional(readOnly = true)
    public List<AiVerdictView> verdicts(long projectId, long after, int limit) {
        return jdbc.sql("""
                        SELECT v.id, v.task_id, a.username, v.job_id, v.outcome, v.reason, v.judgment_id,
                               v.forward_order, v.forward_answer, v.forward_ranking, v.reversed_answer,
                               v.reversed_ranking, v.created_at
                          FROM ai_verdicts v JOIN accounts a ON a.id = v.judge_id
                         WHERE v.project_id = ? AND v.id > ?
                         ORDER BY v.id LIMIT ?""")
                .params(projectId, after, limit)
                .query((rs, n) -> new AiVerdictView(rs.getLong(1), rs.getLong(2), rs.getString(3),
                        rs.getObject(4, Long.class), AiOutcome.valueOf(rs.getString(5)), rs.getString(6),
                        rs.getObject(7, Long.class), rs.getString(8), rs.getString(9), rs.getString(10),
                        rs.getString(11), rs.getString(12), rs.getObject(13, OffsetDateTime.class).toInstant()))
                .list();
    }

    /** One AI judgment of a task: the judge's username and its tiers. */
    public record AiRanking(long taskId, String judge, List<List<Long>> tiers) {
    }

    /** The project's AI judgments (RANKED and TIE verdicts), oldest first. */
    @Transactional(readOnly = true)
    public List<AiRanking> rankings(long projectId) {
        return jdbc.sql("""
                        SELECT j.task_id, a.username, j.tiers FROM judgments j JOIN accounts a ON a.id = j.labeler_id
                         WHERE j.project_id = ? AND j.ai = TRUE
                         ORDER BY j.project_id, j.id""")
                .param(projectId)
                .query((rs, n) -> new AiRanking(rs.getLong(1), rs.getString(2), Ids.splitTiers(rs.getString(3))))
                .list();
    }

    private static @Nullable String tiers(@Nullable List<List<Long>> tiers) {
        return tiers == null ? null : Ids.joinTiers(tiers);
    }

    private static @Nullable String clip(@Nullable String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }

    /** A typed null where the value is absent: an untyped null makes the driver ask the server for the type. */
    private static SqlParameterValue text(@Nullable String s) {
        // A model can answer any character; NUL is one no PostgreSQL text column takes.
        return new SqlParameterValue(Types.VARCHAR, s == null ? null : s.replace((char) 0, '\uFFFD'));
    }

    private static String shortHash(String s) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
