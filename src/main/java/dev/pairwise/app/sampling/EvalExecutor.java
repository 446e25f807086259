package dev.pairwise.app.sampling;

import ai.djl.Device;
import ai.djl.engine.Engine;
import dev.pairwise.app.jobs.CheckpointKind;
import dev.pairwise.app.jobs.CheckpointView;
import dev.pairwise.app.jobs.ConfigField;
import dev.pairwise.app.jobs.JobContext;
import dev.pairwise.app.jobs.JobExecutor;
import dev.pairwise.app.jobs.JobSettings;
import dev.pairwise.app.jobs.JobType;
import dev.pairwise.app.jobs.ModelRegistry;
import dev.pairwise.labeling.InvalidInputException;
import dev.pairwise.labeling.NotFoundException;
import dev.pairwise.labeling.battle.LoopPrompts;
import dev.pairwise.labeling.battle.PromptText;
import dev.pairwise.labeling.project.ProjectService;
import dev.pairwise.labeling.project.ProjectView;
import dev.pairwise.labeling.task.NewPrompt;
import dev.pairwise.labeling.task.Origin;
import dev.pairwise.labeling.task.TaskService;
import dev.pairwise.policy.data.pairs.Turn;
import dev.pairwise.rewardmodel.RewardModel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * EVAL jobs: policy A ({@code policyCheckpoint}) against policy B ({@code opponentCheckpoint}) on
 * the prompts of a project the policies were not trained on (which prompts are held out is the
 * researcher's choice of project or ids). One response each per prompt, same sampling settings and
 * seed for both; then (a) with a reward model, both are scored and A's win rate (ties half) and
 * the mean rewards are recorded, as InstructGPT §4 compares policies by preference rate; and/or
 * (b) with a battle project (K = 2), each prompt's two responses open a task there, in a random
 * order, for blind human battles (Chiang et al. 2024) whose verdicts feed the leaderboard.
 *
 * <p>Reads one model at a time (A, then B, then the reward model), so memory holds one.
 */
@Component
class EvalExecutor implements JobExecutor {

    private static final List<ConfigField> FIELDS = Stream.concat(Stream.of(
            ConfigField.checkpoint("policyCheckpoint", "Policy A", List.of(CheckpointKind.BASE, CheckpointKind.SFT,
                    CheckpointKind.POLICY), true, "The policy under evaluation (usually the newest)."),
            ConfigField.checkpoint("opponentCheckpoint", "Policy B", List.of(CheckpointKind.BASE, CheckpointKind.SFT,
                    CheckpointKind.POLICY), true, "What A is compared with (usually the SFT model or the last policy)."),
            ConfigField.checkpoint("rewardCheckpoint", "Reward model", List.of(CheckpointKind.REWARD), false,
                    "Scores both responses; A's win rate and the mean rewards are the job's metrics."),
            ConfigField.project("projectId", "Held-out prompts from project",
                    "A project whose prompts the policies were not trained on."),
            new ConfigField("promptIds", "Prompt ids", ConfigField.Kind.TEXT, null, null, null, List.of(), false,
                    "Evaluate exactly these prompts (ids, comma-separated) instead of the project's first ones."),
            ConfigField.integer("maxPrompts", "Max prompts", 64, 1, PromptSelection.MAX_PROMPTS,
                    "How many prompts, oldest first; 64 puts a 60% win rate about 1.6 standard errors from 50%."),
            new ConfigField("battleProjectId", "Battle project (K = 2)", ConfigField.Kind.PROJECT, null, null, null,
                    List.of(), false, "Also open a blind A/B battle task per prompt there, for people to judge."),
            ConfigField.integer("batchPrompts", "Prompts per batch", 8, 1, 256,
                    "Prompts sampled together; battle tasks are stored a batch per transaction.")),
            SamplingSettings.FIELDS.stream()).toList();

    private final ModelRegistry registry;
    private final ProjectService projects;
    private final LoopPrompts prompts;
    private final TaskService tasks;

    EvalExecutor(ModelRegistry registry, ProjectService projects, LoopPrompts prompts, TaskService tasks) {
        this.registry = registry;
        this.projects = projects;
        this.prompts = prompts;
        this.tasks = tasks;
    }

    @Override
    public JobType type() {
        return JobType.EVAL;
    }

    @Override
    public List<ConfigField> fields() {
        return FIELDS;
    }

    @Override
    public List<Long> prepare(JsonNode node) {
        JobSettings config = JobSettings.check(FIELDS, node);
        ProjectView source = project(config, "projectId");
        @Nullable ProjectView battles = battleProject(config);
        if (battles == null && config.id("rewardCheckpoint") == null) {
            throw new InvalidInputException("config.rewardCheckpoint",
                    "an evaluation needs a reward model (rewardCheckpoint), a battle project (battleProjectId), or both");
        }
        return PromptSelection.snapshot(config, prompts, "projectId", source.id());
    }

    private @Nullable ProjectView battleProject(JobSettings config) {
        if (config.id("battleProjectId") == null) {
            return null;
        }
        ProjectView p = project(config, "battleProjectId");
        if (p.k() != 2) {
            throw new InvalidInputException("config.battleProjectId", "project " + p.name()
                    + " has K = " + p.k() + "; a battle project has K = 2 (one response of A, one of B)");
        }
        return p;
    }

    private ProjectView project(JobSettings config, String field) {
        long id = config.requiredId(field);
        try {
            return projects.get(id);
        } catch (NotFoundException e) {
            throw new InvalidInputException("config." + field, "project " + id + " does not exist");
        }
    }

    @Override
    public void run(JobContext ctx) throws Exception {
        JobSettings config = JobSettings.check(FIELDS, ctx.config());
        SamplingSettings settings = SamplingSettings.read(config);
        int batch = config.integer("batchPrompts");
        CheckpointView a = registry.get(config.requiredId("policyCheckpoint"));
        CheckpointView b = registry.get(config.requiredId("opponentCheckpoint"));
        @Nullable Long rewardId = config.id("rewardCheckpoint");
        @Nullable ProjectView battles = battleProject(config);
        List<PromptText> texts = new ArrayList<>();
        for (int from = 0; from < ctx.dataset().size(); from += 500) {
            texts.addAll(prompts.texts(ctx.dataset().subList(from, Math.min(ctx.dataset().size(), from + 500)),
                    "dataset"));
        }
        List<String> promptTexts = texts.stream().map(PromptText::text).toList();
        int n = promptTexts.size();
        long total = 2L * n + (rewardId == null ? 0 : n);
        String settingsJson = settings.json(ctx.jobId());
        ctx.log("evaluating " + a.name() + " (A) against " + b.name() + " (B) on " + n + " prompts " + settingsJson);
        ctx.progress(0, total);

        List<String> responsesA = sample(ctx, a, settings, promptTexts, batch, 0, total);
        if (responsesA == null) {
            return;
        }
        List<String> responsesB = sample(ctx, b, settings, promptTexts, batch, n, total);
        if (responsesB == null) {
            return;
        }
        if (rewardId != null) {
            CheckpointView rm = registry.get(rewardId);
            Device device = Engine.getInstance().getGpuCount() > 0 ? Device.gpu() : Device.cpu();
            try (RewardModel reward = RewardModel.load(Path.of(rm.path()), device)) {
                List<List<Turn>> turns = promptTexts.stream().map(Turn::user).toList();
                RewardComparison c = RewardComparison.of(reward.score(turns, responsesA), reward.score(turns, responsesB));
                ctx.progress(total, total);
                ctx.metric("win_rate", c.winRate());
                ctx.metric("rewards/policy", c.meanA());
                ctx.metric("rewards/opponent", c.meanB());
                ctx.metric("rewards/margin", c.meanA() - c.meanB());
                ctx.log(String.format(Locale.ROOT, "reward model %s: A wins %d, ties %d, loses %d; win rate %.3f;"
                                + " mean reward A %.4f, B %.4f", rm.name(), c.wins(), c.ties(), c.losses(), c.winRate(),
                        c.meanA(), c.meanB()));
            }
        }
        if (battles != null) {
            storeBattles(ctx, battles, promptTexts, responsesA, responsesB, Origin.model(a.name(), settingsJson),
                    Origin.model(b.name(), settingsJson), settings.seed(), batch);
        }
    }

    /** One response per prompt from one checkpoint; null when the job was cancelled meanwhile. */
    private static @Nullable List<String> sample(JobContext ctx, CheckpointView checkpoint, SamplingSettings settings,
                                                 List<String> promptTexts, int batch, long done, long total) {
        List<String> out = new ArrayList<>();
        try (PolicySampler sampler = new PolicySampler(Path.of(checkpoint.path()), settings)) {
            for (int from = 0; from < promptTexts.size(); from += batch) {
                if (ctx.isCancelled()) {
                    ctx.log("cancelled while sampling " + checkpoint.name());
                    return null;
                }
                List<String> slice = promptTexts.subList(from, Math.min(promptTexts.size(), from + batch));
                long start = System.nanoTime();
                PolicySampler.Drawn drawn = sampler.sample(slice, 1, from);
                long took = System.nanoTime() - start;
                drawn.responses().forEach(r -> out.add(r.getFirst()));
                ctx.progress(done + from + slice.size(), total);
                ctx.metric("tokens_per_second", drawn.tokens() / Math.max(1e-9, took / 1e9));
            }
        }
        return out;
    }

    /** A's and B's responses as one two-response task per prompt, in a seeded random order. */
    private void storeBattles(JobContext ctx, ProjectView project, List<String> promptTexts, List<String> a,
                              List<String> b, Origin originA, Origin originB, long seed, int batch) {
        SplittableRandom coin = new SplittableRandom(seed);
        int stored = 0;
        for (int from = 0; from < promptTexts.size(); from += batch) {
            List<NewPrompt> slice = new ArrayList<>();
            for (int i = from; i < Math.min(promptTexts.size(), from + batch); i++) {
                NewPrompt.NewResponse ra = new NewPrompt.NewResponse(PolicySampler.shown(a.get(i)), originA);
                NewPrompt.NewResponse rb = new NewPrompt.NewResponse(PolicySampler.shown(b.get(i)), originB);
                slice.add(new NewPrompt(promptTexts.get(i), coin.nextBoolean() ? List.of(ra, rb) : List.of(rb, ra)));
            }
            stored += tasks.storeAll(project.id(), slice).size();
        }
        ctx.metric("battle_tasks", stored);
        ctx.log("opened " + stored + " battle tasks in project " + project.name());
    }
}
