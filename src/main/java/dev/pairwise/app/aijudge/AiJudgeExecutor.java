package dev.pairwise.app.aijudge;

import dev.pairwise.app.connections.ConnectionClient;
import dev.pairwise.app.connections.ConnectionFailure;
import dev.pairwise.app.connections.ModelChoice;
import dev.pairwise.app.jobs.JobContext;
import dev.pairwise.app.jobs.ExecutorBase;
import dev.pairwise.app.jobs.JobType;
import dev.pairwise.app.jobs.config.ConfigField;
import dev.pairwise.app.jobs.config.JobSettings;
import dev.pairwise.app.registry.CheckpointKind;
import dev.pairwise.labeling.InvalidInputException;
import dev.pairwise.labeling.NotFoundException;
import dev.pairwise.labeling.ai.AiJudgments;
import dev.pairwise.labeling.ai.AiOutcome;
import dev.pairwise.labeling.ai.NewAiVerdict;
import dev.pairwise.labeling.ai.TaskToJudge;
import dev.pairwise.labeling.project.ProjectService;
import dev.pairwise.labeling.task.ShownResponse;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * AI_JUDGE jobs: a judge (a model connection or a policy checkpoint) ranks a project's tasks by a
 * written rubric of principles (Constitutional AI's "constitution"; RLAIF's AI labeler). Each task
 * is asked twice, the responses in the task's stored order and reversed, and the two answers are
 * reconciled by {@link BothOrders}. Verdicts are stored as judgments of the judge's AI account
 * (created on first use), marked as AI, with both raw answers kept; a malformed answer is an
 * abstention, never a failure of the job.
 *
 * <p>The snapshot is the tasks the judge had no verdict on at submission (at most
 * {@code maxTasks}). A task whose question got no answer after the connection's retries is left
 * without a verdict, so a later job asks again; {@value #MAX_FAILURES_IN_A_ROW} such failures in a
 * row fail the job (the server is down, not one question bad). Resumes after a restart: tasks
 * judged meanwhile are skipped. A connection judge is asked about as many tasks at once as the
 * connection's {@code max_concurrent} allows, so a slow server does not hold the job to one
 * question at a time; a checkpoint judge answers one at a time.
 */
@Component
class AiJudgeExecutor extends ExecutorBase {

    /** Longest rubric accepted: a constitution of a few dozen principles fits well under it. */
    static final int MAX_RUBRIC_CHARS = 20_000;
    static final int MAX_FAILURES_IN_A_ROW = 5;

    static final List<ConfigField> FIELDS = List.of(
            ConfigField.project("projectId", "Project", "The project whose tasks the judge ranks."),
            new ConfigField("rubric", "Rubric", ConfigField.Kind.TEXT, null, null, null, List.of(), true,
                    "The principles to judge by, as the judge's system message (e.g. 'Prefer the more helpful, "
                            + "honest and harmless response.')."),
            new ConfigField("connectionId", "Judge connection", ConfigField.Kind.INTEGER, null, 1.0, null, List.of(),
                    false, "The id of a model connection that judges; give this or a judge checkpoint."),
            ConfigField.checkpoint("judgeCheckpoint", "Judge checkpoint", List.of(CheckpointKind.BASE,
                    CheckpointKind.SFT, CheckpointKind.POLICY), false,
                    "A policy checkpoint that judges instead of a connection."),
            ConfigField.integer("maxTasks", "Max tasks", 100, 1, 100_000,
                    "How many of the project's tasks this judge has not judged yet, oldest first; two questions each."),
            ConfigField.choice("onDisagreement", "When the two orders disagree", List.of("TIE", "ABSTAIN"),
                    "TIE stores the disagreeing responses as tied; ABSTAIN stores no ranking for the task."),
            ConfigField.number("temperature", "Temperature", 0.0, 0.0, 2.0,
                    "0 asks for the judge's most likely answer, as RLAIF labelers are run."),
            ConfigField.integer("maxTokens", "Max answer tokens", 512, 1, 8192,
                    "Room for the judge to reason before its 'Ranking:' line."),
            ConfigField.integer("seed", "Seed", 0, Long.MIN_VALUE, Long.MAX_VALUE,
                    "Seeds a checkpoint judge's sampling when the temperature is above 0."));

    private final AiJudgments judgments;
    private final ProjectService projects;
    private final ModelChoice.Reader models;
    private final ConnectionClient client;

    AiJudgeExecutor(AiJudgments judgments, ProjectService projects, ModelChoice.Reader models, ConnectionClient client) {
        super(JobType.AI_JUDGE, FIELDS, true);
        this.judgments = judgments;
        this.projects = projects;
        this.models = models;
        this.client = client;
    }

    @Override
    public List<Long> prepare(JobSettings config) {
        long projectId = config.requiredId("projectId");
        try {
            projects.get(projectId);
        } catch (NotFoundException e) {
            throw new InvalidInputException("config.projectId", "project " + projectId + " does not exist");
        }
        String rubric = config.text("rubric").strip();
        if (rubric.length() > MAX_RUBRIC_CHARS) {
            throw new InvalidInputException("config.rubric", "rubric is longer than " + MAX_RUBRIC_CHARS + " characters");
        }
        String system = judgeModel(config).name();
        List<Long> tasks = judgments.tasksToJudge(projectId, system, config.integer("maxTasks"));
        if (tasks.isEmpty()) {
            throw new InvalidInputException("config.projectId", "project " + projectId
                    + " has no task that the judge " + system + " has not judged yet");
        }
        return tasks;
    }

    /** The judge: a connection or a checkpoint, exactly one. */
    private ModelChoice judgeModel(JobSettings config) {
        return models.read(config, "connectionId", "judgeCheckpoint", "the judge");
    }

    private Judge judge(JobSettings config) {
        double temperature = config.number("temperature");
        int maxTokens = config.integer("maxTokens");
        return switch (judgeModel(config)) {
            case ModelChoice.Connection c -> new ConnectionJudge(client, c.connection().id(), c.name(),
                    c.connection().settings().maxConcurrent(), temperature, maxTokens);
            case ModelChoice.Checkpoint c -> new CheckpointJudge(c.name(), c.folder(), temperature, maxTokens,
                    config.longValue("seed"));
        };
    }

    @Override
    public void run(JobContext ctx) {
        JobSettings config = ctx.settings();
        String rubric = config.text("rubric").strip();
        BothOrders.OnDisagreement onDisagreement = BothOrders.OnDisagreement.valueOf(config.choice("onDisagreement"));
        List<Long> tasks = ctx.dataset();
        Tally tally = new Tally();
        try (Judge judge = judge(config); ExecutorService asking = Executors.newVirtualThreadPerTaskExecutor()) {
            long judgeId = judgments.judgeAccount(judge.system());
            int window = judge.concurrency();
            ctx.log("judging " + tasks.size() + " tasks with " + judge.system() + " as "
                    + AiJudgments.accountName(judge.system()) + ", " + window + " at a time; disagreeing orders: "
                    + onDisagreement);
            ctx.progress(0, tasks.size());
            for (int from = 0; from < tasks.size(); from += window) {
                if (ctx.isCancelled()) {
                    ctx.log("cancelled after " + from + " tasks");
                    return;
                }
                List<TaskToJudge> batch = new ArrayList<>();
                for (Long id : tasks.subList(from, Math.min(from + window, tasks.size()))) {
                    try {
                        batch.add(judgments.task(id));
                    } catch (NotFoundException gone) {
                        tally.skipped++;
                    }
                }
                // The questions of a window are in flight together (the connection's own caps still
                // apply); the verdicts are stored in task order on this thread, so counting failures
                // in a row and resuming behave as if they had been asked one after another.
                List<Future<NewAiVerdict>> answers = new ArrayList<>();
                for (TaskToJudge task : batch) {
                    answers.add(asking.submit(() -> ask(judge, rubric, task, onDisagreement, ctx.jobId())));
                }
                for (int i = 0; i < batch.size(); i++) {
                    store(ctx, judgeId, batch.get(i), answers.get(i), tally);
                }
                ctx.progress(Math.min(from + window, tasks.size()), tasks.size());
                ctx.metric("ranked", tally.counts.getOrDefault(AiOutcome.RANKED, 0));
                ctx.metric("abstained", tally.counts.getOrDefault(AiOutcome.ABSTAIN, 0));
            }
        }
        ctx.log(String.format(Locale.ROOT, "done: %d ranked, %d tied, %d abstained, %d without an answer, %d skipped",
                tally.counts.getOrDefault(AiOutcome.RANKED, 0), tally.counts.getOrDefault(AiOutcome.TIE, 0),
                tally.counts.getOrDefault(AiOutcome.ABSTAIN, 0), tally.failed, tally.skipped));
    }

    /** What a job has done so far. */
    private static final class Tally {
        final Map<AiOutcome, Integer> counts = new EnumMap<>(AiOutcome.class);
        int failed;
        int failedInARow;
        int skipped;
    }

    /** Waits for one task's verdict and stores it, or counts the failure to get one. */
    private void store(JobContext ctx, long judgeId, TaskToJudge task, Future<NewAiVerdict> answer, Tally tally) {
        NewAiVerdict verdict;
        try {
            verdict = answer.get();
            tally.failedInARow = 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the judge", e);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof ConnectionFailure f)) {
                throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
            }
            tally.failed++;
            ctx.log("task " + task.taskId() + ": no answer (" + f.getMessage() + "); left for a later job");
            if (++tally.failedInARow >= MAX_FAILURES_IN_A_ROW) {
                throw new IllegalStateException("the judge gave no answer " + tally.failedInARow
                        + " times in a row; last: " + f.getMessage(), f);
            }
            return;
        }
        if (judgments.record(judgeId, verdict).isPresent()) {
            tally.counts.merge(verdict.outcome(), 1, Integer::sum);
            if (verdict.outcome() != AiOutcome.RANKED) {
                ctx.log("task " + task.taskId() + ": " + verdict.outcome().name().toLowerCase(Locale.ROOT)
                        + " (" + verdict.reason() + ")");
            }
        } else {
            tally.skipped++; // judged meanwhile (a resumed job, or another job of the same judge)
        }
    }

    /** Both questions about one task and their verdict. */
    static NewAiVerdict ask(Judge judge, String rubric, TaskToJudge task, BothOrders.OnDisagreement onDisagreement,
                            @Nullable Long jobId) {
        List<ShownResponse> forward = task.responses();
        List<ShownResponse> reversed = new ArrayList<>(forward).reversed();
        int k = forward.size();
        String forwardAnswer = judge.ask(rubric, task.prompt(), forward.stream().map(ShownResponse::text).toList());
        String reversedAnswer = judge.ask(rubric, task.prompt(), reversed.stream().map(ShownResponse::text).toList());
        List<Long> forwardOrder = forward.stream().map(ShownResponse::id).toList();
        List<Long> reversedOrder = reversed.stream().map(ShownResponse::id).toList();
        BothOrders.Verdict v = BothOrders.reconcile(forwardOrder, RankingAnswer.read(forwardAnswer, k), reversedOrder,
                RankingAnswer.read(reversedAnswer, k), onDisagreement);
        return new NewAiVerdict(task.taskId(), jobId, forwardOrder, forwardAnswer, v.forward(), reversedAnswer,
                v.reversed(), v.outcome(), v.tiers(), v.reason());
    }
}
