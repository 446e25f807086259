package dev.pairwise.app.sampling;

import dev.pairwise.app.jobs.JobContext;
import dev.pairwise.app.jobs.JobType;
import dev.pairwise.app.jobs.config.ConfigField;
import dev.pairwise.app.jobs.config.JobSettings;
import dev.pairwise.app.registry.CheckpointKind;
import dev.pairwise.app.registry.CheckpointView;
import dev.pairwise.app.registry.ModelRegistry;
import dev.pairwise.labeling.InvalidInputException;
import dev.pairwise.labeling.battle.LoopPrompts;
import dev.pairwise.labeling.battle.ProjectPrompt;
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
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * EVAL jobs: system A ({@code policyCheckpoint}, or a connection as {@code policyConnection})
 * against system B ({@code opponentCheckpoint} or {@code opponentConnection}) on
 * the prompts of a project the policies were not trained on (which prompts are held out is the
 * researcher's choice of project or ids). One response each per prompt, same sampling settings and
 * seed for both; then (a) with a reward model, both are scored and A's win rate (ties half) and
 * the mean rewards are recorded, as InstructGPT §4 compares policies by preference rate; and/or
 * (b) with a battle project (K = 2), each prompt's two responses open a task there, in a random
 * order, for blind human battles (Chiang et al. 2024) whose verdicts feed the leaderboard.
 *
 * <p>Reads one model at a time (A, then B, then the reward model), so memory holds one. A prompt
 * whose call to a connection failed (after the client's retries) is left out for both sides,
 * logged and counted in {@code failed_prompts}.
 */
@Component
class EvalExecutor extends PromptJobExecutor {

    private static final List<ConfigField> FIELDS = withSampling(
            "Prompts sampled together; battle tasks are stored a batch per transaction.",
            ConfigField.checkpoint("policyCheckpoint", "Policy A", Systems.POLICY_KINDS, false,
                    "The policy under evaluation (usually the newest); or name a connection as A below."),
            ConfigField.connection("policyConnection", "Or connection A", List.of("policyCheckpoint"),
                    "A model behind an OpenAI-compatible server as system A, instead of a checkpoint."),
            ConfigField.checkpoint("opponentCheckpoint", "Policy B", Systems.POLICY_KINDS, false,
                    "What A is compared with (usually the SFT model or the last policy); or a connection below."),
            ConfigField.connection("opponentConnection", "Or connection B", List.of("opponentCheckpoint"),
                    "A model behind an OpenAI-compatible server as system B, instead of a checkpoint."),
            ConfigField.checkpoint("rewardCheckpoint", "Reward model", List.of(CheckpointKind.REWARD), false,
                    "Scores both responses; A's win rate and the mean rewards are the job's metrics."),
            ConfigField.project("projectId", "Held-out prompts from project",
                    "A project whose prompts the policies were not trained on."),
            new ConfigField("promptIds", "Prompt ids", ConfigField.Kind.TEXT, null, null, null, List.of(), false,
                    "Evaluate exactly these prompts (ids, comma-separated) instead of the project's first ones."),
            ConfigField.integer("maxPrompts", "Max prompts", 64, 1, PromptSelection.MAX_PROMPTS,
                    "How many prompts, oldest first; 64 puts a 60% win rate about 1.6 standard errors from 50%."),
            new ConfigField("battleProjectId", "Battle project (K = 2)", ConfigField.Kind.PROJECT, null, null, null,
                    List.of(), false, "Also open a blind A/B battle task per prompt there, for people to judge."));

    EvalExecutor(ModelRegistry registry, ProjectService projects, LoopPrompts prompts, TaskService tasks,
                 Systems systems) {
        super(JobType.EVAL, FIELDS, false, registry, projects, prompts, tasks, systems);
    }

    @Override
    public List<Long> prepare(JobSettings config) {
        SamplingSettings settings = SamplingSettings.read(config);
        side(config, settings, "policyCheckpoint", "policyConnection");
        side(config, settings, "opponentCheckpoint", "opponentConnection");
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

    /**
     * A system named by a checkpoint field or the connection field that replaces it, exactly one;
     * a connection samples with the job's temperature, top-p and max new tokens, as a checkpoint does.
     */
    private SystemSpec side(JobSettings config, SamplingSettings settings, String checkpointField,
                            String connectionField) {
        @Nullable Long checkpoint = config.id(checkpointField);
        @Nullable Long connection = config.id(connectionField);
        if ((checkpoint == null) == (connection == null)) {
            throw new InvalidInputException("config." + checkpointField, "name exactly one of a checkpoint ("
                    + checkpointField + ") and a connection (" + connectionField + ")");
        }
        SystemSpec spec = new SystemSpec(connection, checkpoint, settings.temperature(), settings.topP(),
                settings.maxNewTokens(), 1);
        systems.check(spec, "config." + connectionField, "config." + checkpointField);
        if (connection != null && settings.temperature() > 2) {
            throw new InvalidInputException("config.temperature", "a connection takes a temperature between 0 and 2");
        }
        return spec;
    }

    @Override
    public void run(JobContext ctx) throws Exception {
        JobSettings config = ctx.settings();
        SamplingSettings settings = SamplingSettings.read(config);
        int batch = config.integer("batchPrompts");
        SystemSpec specA = side(config, settings, "policyCheckpoint", "policyConnection");
        SystemSpec specB = side(config, settings, "opponentCheckpoint", "opponentConnection");
        @Nullable Long rewardId = config.id("rewardCheckpoint");
        @Nullable ProjectView battles = battleProject(config);
        List<ProjectPrompt> texts = new ArrayList<>();
        for (int from = 0; from < ctx.dataset().size(); from += 500) {
            texts.addAll(prompts.texts(ctx.dataset().subList(from, Math.min(ctx.dataset().size(), from + 500)),
                    "dataset"));
        }
        List<String> promptTexts = texts.stream().map(ProjectPrompt::text).toList();
        int n = promptTexts.size();
        long total = 2L * n + (rewardId == null ? 0 : n);
        ctx.progress(0, total);

        Sampled a = sample(ctx, systems.open(specA, settings, ctx.jobId()), promptTexts, batch, 0, total);
        if (a == null) {
            return;
        }
        Sampled b = sample(ctx, systems.open(specB, settings, ctx.jobId()), promptTexts, batch, n, total);
        if (b == null) {
            return;
        }
        ctx.log("evaluated " + a.label() + " (A) against " + b.label() + " (B) on " + n + " prompts "
                + settings.json(ctx.jobId()));
        // A prompt counts only with an answer from each side: a win rate over different prompts means nothing.
        List<Integer> kept = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            @Nullable String failure = a.drawn().get(i).failure() != null ? a.label() + ": " + a.drawn().get(i).failure()
                    : b.drawn().get(i).failure() != null ? b.label() + ": " + b.drawn().get(i).failure() : null;
            if (failure == null) {
                kept.add(i);
            } else {
                ctx.log("prompt " + texts.get(i).id() + " left out: " + failure);
            }
        }
        ctx.metric("failed_prompts", n - kept.size());
        if (kept.isEmpty()) {
            throw new IllegalStateException("no prompt got an answer from both systems; see the log");
        }
        List<String> keptPrompts = kept.stream().map(promptTexts::get).toList();
        List<String> responsesA = kept.stream().map(i -> a.drawn().get(i).texts().getFirst()).toList();
        List<String> responsesB = kept.stream().map(i -> b.drawn().get(i).texts().getFirst()).toList();
        if (rewardId != null) {
            CheckpointView rm = registry.get(rewardId);
            try (RewardModel reward = RewardModel.load(Path.of(rm.path()), ctx.device())) {
                List<List<Turn>> turns = keptPrompts.stream().map(Turn::user).toList();
                RewardComparison c = RewardComparison.of(reward.score(turns, scored(responsesA)),
                        reward.score(turns, scored(responsesB)));
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
            storeBattles(ctx, battles, keptPrompts, responsesA, responsesB, a.origin(), b.origin(), settings.seed(),
                    batch);
        }
    }

    /** What the reward model reads: a response as stored, the empty marker as the empty answer it stands for. */
    private static List<String> scored(List<String> responses) {
        return responses.stream().map(r -> r.equals(PolicySampler.EMPTY) ? "" : r).toList();
    }

    /** One side's answers, one per prompt (or a failure), and what to call and tag it. */
    private record Sampled(String label, Origin origin, List<SystemDraw.Drawn> drawn) {
    }

    /** One response per prompt from one system, which is closed after; null when the job was cancelled meanwhile. */
    private static @Nullable Sampled sample(JobContext ctx, SystemDraw system, List<String> promptTexts, int batch,
                                            long done, long total) {
        try (system) {
            List<SystemDraw.Drawn> out = new ArrayList<>();
            for (int from = 0; from < promptTexts.size(); from += batch) {
                if (ctx.isCancelled()) {
                    ctx.log("cancelled while sampling " + system.label());
                    return null;
                }
                List<String> slice = promptTexts.subList(from, Math.min(promptTexts.size(), from + batch));
                long tokensBefore = system.tokens();
                long start = System.nanoTime();
                out.addAll(system.draw(slice, from));
                long took = System.nanoTime() - start;
                ctx.progress(done + from + slice.size(), total);
                ctx.metric("tokens_per_second", (system.tokens() - tokensBefore) / Math.max(1e-9, took / 1e9));
            }
            return new Sampled(system.label(), system.origin(), out);
        }
    }

    /** A's and B's responses as one two-response task per prompt, in a seeded random order. */
    private void storeBattles(JobContext ctx, ProjectView project, List<String> promptTexts, List<String> a,
                              List<String> b, Origin originA, Origin originB, long seed, int batch) {
        SplittableRandom coin = new SplittableRandom(seed);
        int stored = 0;
        for (int from = 0; from < promptTexts.size(); from += batch) {
            List<NewPrompt> slice = new ArrayList<>();
            for (int i = from; i < Math.min(promptTexts.size(), from + batch); i++) {
                NewPrompt.NewResponse ra = new NewPrompt.NewResponse(a.get(i), originA);
                NewPrompt.NewResponse rb = new NewPrompt.NewResponse(b.get(i), originB);
                slice.add(new NewPrompt(promptTexts.get(i), coin.nextBoolean() ? List.of(ra, rb) : List.of(rb, ra)));
            }
            stored += tasks.storeAll(project.id(), slice).size();
        }
        ctx.metric("battle_tasks", stored);
        ctx.log("opened " + stored + " battle tasks in project " + project.name());
    }
}
