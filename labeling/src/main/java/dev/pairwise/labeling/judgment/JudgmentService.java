package dev.pairwise.labeling.judgment;

import dev.pairwise.labeling.ConflictException;
import dev.pairwise.labeling.DatabaseKind;
import dev.pairwise.labeling.InvalidInputException;
import dev.pairwise.labeling.LabelingLimits;
import dev.pairwise.labeling.NotFoundException;
import dev.pairwise.labeling.TextRules;
import dev.pairwise.labeling.demo.DemoStatus;
import dev.pairwise.labeling.demo.Demonstration;
import dev.pairwise.labeling.demo.DemonstrationRepository;
import dev.pairwise.labeling.quality.GoldChecks;
import dev.pairwise.labeling.task.AssignmentStatus;
import dev.pairwise.labeling.task.Ids;
import dev.pairwise.labeling.task.Lease;
import dev.pairwise.labeling.task.Leases;
import dev.pairwise.labeling.task.OpenTasks;
import dev.pairwise.labeling.task.Origin;
import dev.pairwise.labeling.task.Prompt;
import dev.pairwise.labeling.task.PromptRepository;
import dev.pairwise.labeling.task.Repeats;
import dev.pairwise.labeling.task.Response;
import dev.pairwise.labeling.task.ResponseRepository;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Stores a labeler's judgment once and expands it into preference pairs, in one transaction:
 * the judgment, its ratings, its pairs, and (for "all responses are bad") the better answer as
 * a human response and a demonstration — all or nothing. A retry with the same idempotency key
 * returns the first result.
 */
@Service
public class JudgmentService {

    private final JudgmentPairRepository pairs;
    private final OpenTasks open;
    private final JudgmentRows rows;
    private final PromptRepository prompts;
    private final ResponseRepository responses;
    private final DemonstrationRepository demos;
    private final JdbcClient jdbc;
    private final LabelingLimits limits;
    private final Clock clock;
    private final GoldChecks goldChecks;
    private final Repeats repeats;
    private final Counter submitted;
    private final Counter pairsCreated;
    private final SubmitCall oneCall;
    private final boolean postgres;
    private final TransactionTemplate inTransaction;

    JudgmentService(JudgmentPairRepository pairs, OpenTasks open, JudgmentRows rows, PromptRepository prompts,
                    ResponseRepository responses, DemonstrationRepository demos, JdbcClient jdbc,
                    LabelingLimits limits, Clock clock, MeterRegistry meters, GoldChecks goldChecks,
                    Repeats repeats, SubmitCall oneCall, DatabaseKind database, PlatformTransactionManager transactions) {
        this.oneCall = oneCall;
        this.postgres = database.isPostgres();
        this.inTransaction = new TransactionTemplate(transactions);
        this.goldChecks = goldChecks;
        this.repeats = repeats;
        this.pairs = pairs;
        this.open = open;
        this.rows = rows;
        this.prompts = prompts;
        this.responses = responses;
        this.demos = demos;
        this.jdbc = jdbc;
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
     * (the stored rows are the {@link Judgment}, {@link ResponseRating} and {@link JudgmentPair}
     * entities' tables): it runs once per judgment.
     */
    public SubmitResult submit(long labelerId, SubmitJudgment in) {
        if (in == null) {
            throw new InvalidInputException("judgment", "judgment is missing");
        }
        String key = in.idempotencyKey();
        if (key == null || key.isBlank() || key.length() > 100) {
            throw new InvalidInputException("idempotencyKey", "idempotencyKey must be 1..100 characters");
        }
        if (postgres && !TransactionSynchronizationManager.isActualTransactionActive()) {
            Optional<SubmitResult> stored = inOneCall(labelerId, in, key);
            if (stored.isPresent()) {
                return stored.get();
            }
        }
        return inTransaction.execute(status -> submitInTransaction(labelerId, in, key));
    }

    /**
     * The common case on PostgreSQL in one auto-committed call ({@link SubmitCall}): a new key, a
     * live lease shown in the order the client names, valid tiers and ratings, no better answer.
     * The input is checked here against the client's order; the function stores only where the
     * lease's order is that same order, so these are the checks the Java path makes. Empty
     * (nothing written) for every other case: the Java path answers it, with its own messages
     * and in its own order of checks.
     */
    private Optional<SubmitResult> inOneCall(long labelerId, SubmitJudgment in, String key) {
        List<Long> order = in.presentedOrder();
        if (order == null || in.allBad() || in.betterAnswer() != null
                || (in.timeOnTaskMs() != null && in.timeOnTaskMs() < 0)) {
            return Optional.empty();
        }
        List<List<Long>> tiers = in.tiers();
        List<JudgmentRows.Rating> ratings;
        String rationale;
        try {
            RankingValidator.validateOrder(order, order);
            RankingValidator.validateTiers(order, tiers);
            validateRatings(order, in.likert(), in.flags());
            rationale = TextRules.optional("rationale", in.rationale(), limits.maxRationaleChars());
            ratings = ratings(order, in.likert(), in.flags());
        } catch (InvalidInputException e) {
            return Optional.empty(); // the Java path refuses it, after the checks it makes first
        }
        List<RankedPair> expanded = PairExpansion.expand(tiers);
        OptionalLong judgmentId = oneCall.submit(in.taskId(), labelerId, key, Ids.join(order), Ids.joinTiers(tiers),
                rationale, in.timeOnTaskMs(), clock.instant(), expanded, ratings);
        if (judgmentId.isEmpty()) {
            return Optional.empty();
        }
        submitted.increment();
        pairsCreated.increment(expanded.size());
        return Optional.of(new SubmitResult(judgmentId.getAsLong(), expanded.size(), null, false));
    }

    private SubmitResult submitInTransaction(long labelerId, SubmitJudgment in, String key) {
        LockedTask task = lockTask(in.taskId());
        Prior prior = prior(task.id(), labelerId, key);
        if (prior.judgmentId() != null) {
            return replay(prior.judgmentId(), prior.judgmentOwner(), labelerId);
        }
        if (prior.lease().filter(l -> l.status() == AssignmentStatus.SUBMITTED).isPresent()) {
            // Judged before: this may be the position-swapped repeat of it (looked up only here,
            // so the common submit runs no query for repeats).
            Optional<Repeats.Check> repeat = repeats.of(task.id(), labelerId);
            if (repeat.isPresent()) {
                return answerRepeat(repeat.get(), in, key);
            }
        }
        Lease lease = checkLease(task, prior.lease());

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
        List<RankedPair> expanded = PairExpansion.expand(ranked);
        long judgmentId = rows.store(new JudgmentRows.NewJudgment(task.id(), task.projectId(), task.promptId(),
                        labelerId, key, Ids.join(order), Ids.joinTiers(tiers), in.allBad(), betterId, rationale,
                        timeOnTask, now),
                ratings(ids, in.likert(), in.flags()), expanded, lease.id());
        Long demoId = null;
        if (prompt != null) {
            demoId = demos.save(new Demonstration(task.projectId(), prompt.getText(), better, DemoStatus.SUBMITTED,
                    Demonstration.SOURCE_BETTER_ANSWER, labelerId, judgmentId, now)).getId();
        }
        if (task.gold()) {
            goldChecks.afterGoldJudgment(task.projectId(), labelerId);
        }
        int pairCount = expanded.size();
        submitted.increment();
        pairsCreated.increment(pairCount);
        return new SubmitResult(judgmentId, pairCount, demoId, false);
    }

    /**
     * The second answer of a task shown again with its responses reversed: checked like a
     * judgment, stored apart from judgments (no pairs, no overlap), compared with the first.
     * The result names the first judgment, so the labeler's client cannot tell a repeat apart.
     */
    private SubmitResult answerRepeat(Repeats.Check check, SubmitJudgment in, String key) {
        if (check.answered()) {
            if (key.equals(check.idempotencyKey())) {
                return new SubmitResult(check.judgmentId(), check.compared(), null, true);
            }
            throw new ConflictException("taskId", "you already judged task " + check.taskId());
        }
        List<Long> ids = check.presentedOrder();
        List<Long> order = in.presentedOrder() == null ? ids : in.presentedOrder();
        RankingValidator.validateOrder(ids, order);
        if (!order.equals(ids)) {
            throw new InvalidInputException("presentedOrder", "presentedOrder differs from the order the task was shown in");
        }
        List<List<Long>> tiers = in.allBad() && (in.tiers() == null || in.tiers().isEmpty()) ? List.of(ids) : in.tiers();
        RankingValidator.validateTiers(ids, tiers);
        validateRatings(ids, in.likert(), in.flags());
        int compared = repeats.answer(check, tiers, key, clock.instant());
        return new SubmitResult(check.judgmentId(), compared, null, false);
    }

    /** The task's row, locked for this transaction. */
    private record LockedTask(long id, long projectId, long promptId, boolean gold) {
    }

    private LockedTask lockTask(long taskId) {
        return jdbc.sql("SELECT id, project_id, prompt_id, gold FROM comparison_tasks WHERE id = ? FOR UPDATE")
                .param(taskId)
                .query((rs, i) -> new LockedTask(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getBoolean(4)))
                .optional()
                .orElseThrow(() -> NotFoundException.of("taskId", "task", taskId));
    }

    /**
     * What the submit finds under the task's lock, in one statement: a judgment stored before with
     * this idempotency key (and whose it was), and the caller's lease of the task. Read after the
     * lock, so a same-key retry that waited for it sees the first one's judgment.
     */
    private record Prior(@Nullable Long judgmentId, @Nullable Long judgmentOwner, Optional<Lease> lease) {
    }

    private Prior prior(long taskId, long labelerId, String key) {
        return jdbc.sql("SELECT j.id, j.labeler_id, " + Leases.COLUMNS + """
                         FROM comparison_tasks t
                         LEFT JOIN judgments j ON j.idempotency_key = ?
                         LEFT JOIN assignments a ON a.task_id = t.id AND a.labeler_id = ?
                        WHERE t.id = ?""")
                .params(key, labelerId, taskId)
                .query((rs, i) -> new Prior(rs.getObject(1, Long.class), rs.getObject(2, Long.class),
                        Leases.read(rs, 3)))
                .single();
    }

    /** The first result of a key seen before, if it was this labeler's. */
    private SubmitResult replay(long judgmentId, @Nullable Long owner, long labelerId) {
        if (owner == null || owner != labelerId) {
            throw new ConflictException("idempotencyKey", "idempotencyKey was used by another submission");
        }
        Long demoId = demos.findAll((root, q, cb) -> cb.equal(root.get("judgmentId"), judgmentId))
                .stream().map(Demonstration::getId).findFirst().orElse(null);
        return new SubmitResult(judgmentId, (int) pairs.countByJudgmentId(judgmentId), demoId, true);
    }

    /**
     * The caller must hold the task: a live lease, or an expired one while the task still has room
     * (a gold task always has: every labeler may judge it).
     */
    private Lease checkLease(LockedTask task, Optional<Lease> lease) {
        long taskId = task.id();
        Lease a = lease
                .orElseThrow(() -> new ConflictException("taskId", "task " + taskId + " is not assigned to you"));
        if (a.status() == AssignmentStatus.SUBMITTED) {
            throw new ConflictException("taskId", "you already judged task " + taskId);
        }
        if (a.status() == AssignmentStatus.SKIPPED) {
            throw new ConflictException("taskId", "you skipped task " + taskId);
        }
        Instant now = clock.instant();
        if (!a.isLive(now) && !task.gold() && !open.hasRoom(taskId, now)) {
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

    /** The ratings given (Likert score or flags); none is the common case. */
    private static List<JudgmentRows.Rating> ratings(List<Long> ids, @Nullable Map<Long, Integer> likert,
                                                     @Nullable Map<Long, Set<ResponseFlag>> flags) {
        List<JudgmentRows.Rating> rows = new ArrayList<>();
        for (Long id : ids) {
            Integer score = likert == null ? null : likert.get(id);
            Set<ResponseFlag> f = flags == null || flags.get(id) == null ? Set.of() : flags.get(id);
            if (score != null || !f.isEmpty()) {
                rows.add(new JudgmentRows.Rating(id, score, ResponseRating.flagsText(f)));
            }
        }
        return rows;
    }
}
