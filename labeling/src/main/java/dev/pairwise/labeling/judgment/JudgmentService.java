package dev.pairwise.labeling.judgment;

import dev.pairwise.labeling.ConflictException;
import dev.pairwise.labeling.InvalidInputException;
import dev.pairwise.labeling.LabelingLimits;
import dev.pairwise.labeling.NotFoundException;
import dev.pairwise.labeling.TextRules;
import dev.pairwise.labeling.demo.DemoStatus;
import dev.pairwise.labeling.demo.Demonstration;
import dev.pairwise.labeling.demo.DemonstrationRepository;
import dev.pairwise.labeling.task.AssignmentStatus;
import dev.pairwise.labeling.task.Ids;
import dev.pairwise.labeling.task.Lease;
import dev.pairwise.labeling.task.Leases;
import dev.pairwise.labeling.task.OpenTasks;
import dev.pairwise.labeling.task.Origin;
import dev.pairwise.labeling.task.Prompt;
import dev.pairwise.labeling.task.PromptRepository;
import dev.pairwise.labeling.task.Response;
import dev.pairwise.labeling.task.ResponseRepository;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.sql.Types;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
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
 * Stores a labeler's judgment once and expands it into preference pairs, in one transaction:
 * the judgment, its ratings, its pairs, and (for "all responses are bad") the better answer as
 * a human response and a demonstration — all or nothing. A retry with the same idempotency key
 * returns the first result.
 */
@Service
public class JudgmentService {

    private final PreferencePairRepository pairs;
    private final OpenTasks open;
    private final Leases leases;
    private final PromptRepository prompts;
    private final ResponseRepository responses;
    private final DemonstrationRepository demos;
    private final JdbcClient jdbc;
    private final JdbcTemplate jdbcTemplate;
    private final LabelingLimits limits;
    private final Clock clock;
    private final Counter submitted;
    private final Counter pairsCreated;

    JudgmentService(PreferencePairRepository pairs, OpenTasks open, Leases leases, PromptRepository prompts,
                    ResponseRepository responses, DemonstrationRepository demos, JdbcClient jdbc,
                    JdbcTemplate jdbcTemplate, LabelingLimits limits, Clock clock, MeterRegistry meters) {
        this.pairs = pairs;
        this.open = open;
        this.leases = leases;
        this.prompts = prompts;
        this.responses = responses;
        this.demos = demos;
        this.jdbc = jdbc;
        this.jdbcTemplate = jdbcTemplate;
        this.limits = limits;
        this.clock = clock;
        this.submitted = Counter.builder("pairwise.judgments.submitted")
                .description("Judgments stored from labelers").register(meters);
        this.pairsCreated = Counter.builder("pairwise.pairs.created")
                .description("Preference pairs expanded from judgments").register(meters);
    }

    /**
     * Validates and stores a judgment of a task leased to {@code labelerId}, and counts it on the
     * task (which is completed when it reaches the project's overlap), all under the task's row
     * lock: a same-key retry racing this one waits there, then replays. Plain JDBC on this path
     * (the stored rows are the {@link Judgment}, {@link ResponseRating} and {@link PreferencePair}
     * entities' tables): it runs once per judgment.
     */
    @Transactional
    public SubmitResult submit(long labelerId, SubmitJudgment in) {
        if (in == null) {
            throw new InvalidInputException("judgment", "judgment is missing");
        }
        String key = in.idempotencyKey();
        if (key == null || key.isBlank() || key.length() > 100) {
            throw new InvalidInputException("idempotencyKey", "idempotencyKey must be 1..100 characters");
        }
        LockedTask task = lockTask(in.taskId());
        Optional<SubmitResult> earlier = replay(key, labelerId);
        if (earlier.isPresent()) {
            return earlier.get();
        }
        Lease lease = checkLease(task.id(), labelerId);

        // The lease's order is a permutation of the task's responses, made from them when leased.
        List<Long> ids = lease.presentedOrder();
        List<Long> order = in.presentedOrder() == null ? ids : in.presentedOrder();
        RankingValidator.validateOrder(ids, order);
        if (!order.equals(ids)) {
            throw new InvalidInputException("presentedOrder", "presentedOrder differs from the order the task was shown in");
        }
        List<List<Long>> tiers = in.tiers();
        if (in.allBad() && (tiers == null || tiers.isEmpty())) {
            tiers = List.of(ids); // all equally bad: one tie, pairs come from the better answer only
        }
        RankingValidator.validateTiers(ids, tiers);
        validateRatings(ids, in.likert(), in.flags());
        String better = in.allBad()
                ? TextRules.require("betterAnswer", in.betterAnswer(), limits.maxTextChars())
                : TextRules.optional("betterAnswer", in.betterAnswer(), limits.maxTextChars());
        if (better != null && !in.allBad()) {
            throw new InvalidInputException("betterAnswer", "a better answer is only taken when all responses are bad");
        }
        String rationale = TextRules.optional("rationale", in.rationale(), limits.maxRationaleChars());
        if (in.timeOnTaskMs() != null && in.timeOnTaskMs() < 0) {
            throw new InvalidInputException("timeOnTaskMs", "timeOnTaskMs must not be negative");
        }

        Instant now = clock.instant();
        // The client measures time on task best (it sees focus and reloads); without it, the lease's age.
        long timeOnTask = in.timeOnTaskMs() != null ? in.timeOnTaskMs()
                : Math.max(0, Duration.between(lease.leasedAt(), now).toMillis());
        List<List<Long>> ranked = tiers;
        Prompt prompt = null;
        Long betterId = null;
        if (better != null) {
            prompt = prompts.findById(task.promptId()).orElseThrow();
            betterId = responses.save(new Response(prompt.getId(), better, Origin.human(), labelerId, now)).getId();
            ranked = new ArrayList<>();
            ranked.add(List.of(betterId));
            ranked.addAll(tiers);
        }
        long judgmentId = insertJudgment(task, labelerId, key, order, tiers, in.allBad(), betterId, rationale,
                timeOnTask, now);
        saveRatings(judgmentId, ids, in.likert(), in.flags());
        Long demoId = null;
        if (prompt != null) {
            demoId = demos.save(new Demonstration(task.projectId(), prompt.getText(), better, DemoStatus.SUBMITTED,
                    Demonstration.SOURCE_BETTER_ANSWER, labelerId, judgmentId, now)).getId();
        }
        List<RankedPair> expanded = PairExpansion.expand(ranked);
        savePairs(judgmentId, task, expanded);
        leases.markSubmitted(lease.id());
        open.countJudgment(task.id());
        submitted.increment();
        pairsCreated.increment(expanded.size());
        return new SubmitResult(judgmentId, expanded.size(), demoId, false);
    }

    /** The task's row, locked for this transaction. */
    private record LockedTask(long id, long projectId, long promptId) {
    }

    private LockedTask lockTask(long taskId) {
        return jdbc.sql("SELECT id, project_id, prompt_id FROM comparison_tasks WHERE id = ? FOR UPDATE")
                .param(taskId)
                .query((rs, i) -> new LockedTask(rs.getLong(1), rs.getLong(2), rs.getLong(3)))
                .optional()
                .orElseThrow(() -> NotFoundException.of("taskId", "task", taskId));
    }

    /** A labeler's judgment row ({@link Judgment#byLabeler}); returns its id. */
    private long insertJudgment(LockedTask task, long labelerId, String key, List<Long> order, List<List<Long>> tiers,
                                boolean allBad, @Nullable Long betterResponseId, @Nullable String rationale,
                                long timeOnTaskMs, Instant now) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        INSERT INTO judgments (project_id, prompt_id, task_id, labeler_id, source, idempotency_key,
                                               presented_order, tiers, all_bad, better_response_id, rationale,
                                               time_on_task_ms, created_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(task.projectId(), task.promptId(), task.id(), labelerId, Judgment.SOURCE_LABELER, key,
                        Ids.join(order), Ids.joinTiers(tiers), allBad,
                        // typed nulls: an untyped null makes the driver ask the server for the type
                        new SqlParameterValue(Types.BIGINT, betterResponseId),
                        new SqlParameterValue(Types.VARCHAR, rationale), timeOnTaskMs,
                        now.atOffset(ZoneOffset.UTC))
                .update(keys, "id");
        return Objects.requireNonNull(keys.getKeyAs(Long.class), "generated judgment id");
    }

    /** All pairs of a judgment in one batch: K·(K−1)/2 rows, 36 at K = 9. */
    private void savePairs(long judgmentId, LockedTask task, List<RankedPair> expanded) {
        List<Object[]> rows = expanded.stream().map(p -> new Object[]{judgmentId, task.projectId(), task.promptId(),
                p.chosen(), p.rejected(), p.margin()}).toList();
        jdbcTemplate.batchUpdate("""
                INSERT INTO preference_pairs (judgment_id, project_id, prompt_id, chosen_response_id,
                                              rejected_response_id, margin)
                VALUES (?, ?, ?, ?, ?, ?)""", rows);
    }

    private Optional<SubmitResult> replay(String key, long labelerId) {
        return jdbc.sql("SELECT id, labeler_id FROM judgments WHERE idempotency_key = ?").param(key)
                .query((rs, i) -> {
                    long owner = rs.getLong(2);
                    return new long[]{rs.getLong(1), rs.wasNull() ? -1 : owner};
                })
                .optional()
                .map(j -> {
                    if (j[1] != labelerId) {
                        throw new ConflictException("idempotencyKey", "idempotencyKey was used by another submission");
                    }
                    long id = j[0];
                    Long demoId = demos.findAll((root, q, cb) -> cb.equal(root.get("judgmentId"), id))
                            .stream().map(Demonstration::getId).findFirst().orElse(null);
                    return new SubmitResult(id, (int) pairs.countByJudgmentId(id), demoId, true);
                });
    }

    /** The caller must hold the task: a live lease, or an expired one while the task still has room. */
    private Lease checkLease(long taskId, long labelerId) {
        Lease a = leases.of(taskId, labelerId)
                .orElseThrow(() -> new ConflictException("taskId", "task " + taskId + " is not assigned to you"));
        if (a.status() == AssignmentStatus.SUBMITTED) {
            throw new ConflictException("taskId", "you already judged task " + taskId);
        }
        if (a.status() == AssignmentStatus.SKIPPED) {
            throw new ConflictException("taskId", "you skipped task " + taskId);
        }
        Instant now = clock.instant();
        if (!a.isLive(now) && !open.hasRoom(taskId, now)) {
            throw new ConflictException("taskId", "your lease on task " + taskId
                    + " ran out and the task went to someone else");
        }
        return a;
    }

    private static void validateRatings(List<Long> ids, Map<Long, Integer> likert, Map<Long, Set<ResponseFlag>> flags) {
        Set<Long> known = new HashSet<>(ids);
        if (likert != null) {
            for (Map.Entry<Long, Integer> e : likert.entrySet()) {
                if (!known.contains(e.getKey())) {
                    throw new InvalidInputException("likert", "response " + e.getKey() + " is not part of this task");
                }
                Integer v = e.getValue();
                if (v != null && (v < 1 || v > 7)) {
                    throw new InvalidInputException("likert[" + e.getKey() + "]",
                            "Likert score must be 1..7, was " + v);
                }
            }
        }
        if (flags != null) {
            for (Long id : flags.keySet()) {
                if (!known.contains(id)) {
                    throw new InvalidInputException("flags", "response " + id + " is not part of this task");
                }
            }
        }
    }

    /** The ratings given (Likert score or flags), in one batch; none is the common case. */
    private void saveRatings(long judgmentId, List<Long> ids, @Nullable Map<Long, Integer> likert,
                             @Nullable Map<Long, Set<ResponseFlag>> flags) {
        List<Object[]> rows = new ArrayList<>();
        for (Long id : ids) {
            Integer score = likert == null ? null : likert.get(id);
            Set<ResponseFlag> f = flags == null || flags.get(id) == null ? Set.of() : flags.get(id);
            if (score != null || !f.isEmpty()) {
                rows.add(new Object[]{judgmentId, id, new SqlParameterValue(Types.INTEGER, score),
                        ResponseRating.flagsText(f)});
            }
        }
        if (!rows.isEmpty()) {
            jdbcTemplate.batchUpdate(
                    "INSERT INTO response_ratings (judgment_id, response_id, likert, flags) VALUES (?, ?, ?, ?)", rows);
        }
    }
}
