package dev.pairwise.labeling.judgment;

import dev.pairwise.labeling.ConflictException;
import dev.pairwise.labeling.InvalidInputException;
import dev.pairwise.labeling.LabelingLimits;
import dev.pairwise.labeling.NotFoundException;
import dev.pairwise.labeling.TextRules;
import dev.pairwise.labeling.demo.DemoStatus;
import dev.pairwise.labeling.demo.Demonstration;
import dev.pairwise.labeling.demo.DemonstrationRepository;
import dev.pairwise.labeling.project.Project;
import dev.pairwise.labeling.project.ProjectRepository;
import dev.pairwise.labeling.task.Assignment;
import dev.pairwise.labeling.task.AssignmentRepository;
import dev.pairwise.labeling.task.AssignmentStatus;
import dev.pairwise.labeling.task.ComparisonTask;
import dev.pairwise.labeling.task.ComparisonTaskRepository;
import dev.pairwise.labeling.task.Origin;
import dev.pairwise.labeling.task.Prompt;
import dev.pairwise.labeling.task.PromptRepository;
import dev.pairwise.labeling.task.Response;
import dev.pairwise.labeling.task.ResponseRepository;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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

    private final JudgmentRepository judgments;
    private final PreferencePairRepository pairs;
    private final ResponseRatingRepository ratings;
    private final ComparisonTaskRepository tasks;
    private final AssignmentRepository assignments;
    private final ProjectRepository projects;
    private final PromptRepository prompts;
    private final ResponseRepository responses;
    private final DemonstrationRepository demos;
    private final LabelingLimits limits;
    private final Clock clock;
    private final Counter submitted;
    private final Counter pairsCreated;

    JudgmentService(JudgmentRepository judgments, PreferencePairRepository pairs, ResponseRatingRepository ratings,
                    ComparisonTaskRepository tasks, AssignmentRepository assignments, ProjectRepository projects,
                    PromptRepository prompts, ResponseRepository responses, DemonstrationRepository demos,
                    LabelingLimits limits, Clock clock, MeterRegistry meters) {
        this.judgments = judgments;
        this.pairs = pairs;
        this.ratings = ratings;
        this.tasks = tasks;
        this.assignments = assignments;
        this.projects = projects;
        this.prompts = prompts;
        this.responses = responses;
        this.demos = demos;
        this.limits = limits;
        this.clock = clock;
        this.submitted = Counter.builder("pairwise.judgments.submitted")
                .description("Judgments stored from labelers").register(meters);
        this.pairsCreated = Counter.builder("pairwise.pairs.created")
                .description("Preference pairs expanded from judgments").register(meters);
    }

    /** Validates and stores a judgment of a task leased to {@code labelerId}. */
    @Transactional
    public SubmitResult submit(long labelerId, SubmitJudgment in) {
        if (in == null) {
            throw new InvalidInputException("judgment", "judgment is missing");
        }
        String key = in.idempotencyKey();
        if (key == null || key.isBlank() || key.length() > 100) {
            throw new InvalidInputException("idempotencyKey", "idempotencyKey must be 1..100 characters");
        }
        Optional<SubmitResult> earlier = replay(key, labelerId);
        if (earlier.isPresent()) {
            return earlier.get();
        }
        ComparisonTask task = tasks.findById(in.taskId())
                .orElseThrow(() -> NotFoundException.of("taskId", "task", in.taskId()));
        tasks.lockById(task.getId()); // a same-key retry racing this one waits here, then replays
        earlier = replay(key, labelerId);
        if (earlier.isPresent()) {
            return earlier.get();
        }
        Project project = projects.findById(task.getProjectId()).orElseThrow();
        Assignment lease = checkLease(task, project, labelerId);

        List<Long> ids = task.getResponseIds();
        List<Long> order = in.presentedOrder() == null ? lease.getPresentedOrder() : in.presentedOrder();
        RankingValidator.validateOrder(ids, order);
        if (!order.equals(lease.getPresentedOrder())) {
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
                : Math.max(0, Duration.between(lease.getLeasedAt(), now).toMillis());
        Judgment j = judgments.save(Judgment.byLabeler(project.getId(), task.getPromptId(), task.getId(), labelerId,
                key, order, tiers, in.allBad(), rationale, timeOnTask, now));
        saveRatings(j.getId(), ids, in.likert(), in.flags());
        List<List<Long>> ranked = tiers;
        Long demoId = null;
        if (better != null) {
            Prompt prompt = prompts.findById(task.getPromptId()).orElseThrow();
            Response written = responses.save(new Response(prompt.getId(), better, Origin.human(), labelerId, now));
            j.setBetterResponseId(written.getId());
            ranked = new ArrayList<>();
            ranked.add(List.of(written.getId()));
            ranked.addAll(tiers);
            demoId = demos.save(new Demonstration(project.getId(), prompt.getText(), better, DemoStatus.SUBMITTED,
                    Demonstration.SOURCE_BETTER_ANSWER, labelerId, j.getId(), now)).getId();
        }
        List<RankedPair> expanded = PairExpansion.expand(ranked);
        for (RankedPair p : expanded) {
            pairs.save(new PreferencePair(j.getId(), project.getId(), task.getPromptId(), p));
        }
        lease.setStatus(AssignmentStatus.SUBMITTED);
        judgments.flush();
        submitted.increment();
        pairsCreated.increment(expanded.size());
        return new SubmitResult(j.getId(), expanded.size(), demoId, false);
    }

    private Optional<SubmitResult> replay(String key, long labelerId) {
        return judgments.findByIdempotencyKey(key).map(j -> {
            if (j.getLabelerId() == null || j.getLabelerId() != labelerId) {
                throw new ConflictException("idempotencyKey", "idempotencyKey was used by another submission");
            }
            Long demoId = demos.findAll((root, q, cb) -> cb.equal(root.get("judgmentId"), j.getId()))
                    .stream().map(Demonstration::getId).findFirst().orElse(null);
            return new SubmitResult(j.getId(), (int) pairs.countByJudgmentId(j.getId()), demoId, true);
        });
    }

    /** The caller must hold the task: a live lease, or an expired one while the task still has room. */
    private Assignment checkLease(ComparisonTask task, Project project, long labelerId) {
        Assignment a = assignments.findByTaskIdAndLabelerId(task.getId(), labelerId)
                .orElseThrow(() -> new ConflictException("taskId", "task " + task.getId() + " is not assigned to you"));
        if (a.getStatus() == AssignmentStatus.SUBMITTED) {
            throw new ConflictException("taskId", "you already judged task " + task.getId());
        }
        if (a.getStatus() == AssignmentStatus.SKIPPED) {
            throw new ConflictException("taskId", "you skipped task " + task.getId());
        }
        Instant now = clock.instant();
        if (!a.isLive(now) && tasks.claimed(task.getId(), now) >= project.getOverlap()) {
            throw new ConflictException("taskId", "your lease on task " + task.getId()
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

    private void saveRatings(long judgmentId, List<Long> ids, Map<Long, Integer> likert,
                             Map<Long, Set<ResponseFlag>> flags) {
        for (Long id : ids) {
            Integer score = likert == null ? null : likert.get(id);
            Set<ResponseFlag> f = flags == null || flags.get(id) == null ? Set.of() : flags.get(id);
            if (score != null || !f.isEmpty()) {
                ratings.save(new ResponseRating(judgmentId, id, score,
                        f.isEmpty() ? EnumSet.noneOf(ResponseFlag.class) : EnumSet.copyOf(f)));
            }
        }
    }
}
