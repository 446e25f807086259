package dev.pairwise.app.training;

import ai.djl.Device;
import dev.pairwise.app.jobs.JobContext;
import dev.pairwise.app.jobs.JobType;
import dev.pairwise.app.jobs.config.ConfigField;
import dev.pairwise.app.jobs.config.JobSettings;
import dev.pairwise.app.registry.CheckpointKind;
import dev.pairwise.labeling.InvalidInputException;
import dev.pairwise.labeling.dataset.PromptText;
import dev.pairwise.policy.align.AlignCheckpoints;
import dev.pairwise.policy.checkpoint.Checkpoints;
import dev.pairwise.policy.align.ChatTokens;
import dev.pairwise.policy.align.Optim;
import dev.pairwise.policy.data.pairs.Turn;
import dev.pairwise.policy.model.GptConfig;
import dev.pairwise.policy.model.GptModel;
import dev.pairwise.policy.ppo.PpoConfig;
import dev.pairwise.policy.ppo.PpoResult;
import dev.pairwise.policy.ppo.PpoTrainer;
import dev.pairwise.policy.tokenizer.Tokenizers;
import dev.pairwise.rewardmodel.RewardModel;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * PPO for RLHF (Schulman et al. 2017; Ziegler et al. 2019; InstructGPT): rollouts on a project's
 * prompts frozen at submission, scored by a registered reward model, with a KL penalty to the
 * frozen starting policy. Registers a POLICY checkpoint whose parent is the starting policy.
 */
@Component
class PpoExecutor extends TrainerExecutor {

    static final List<ConfigField> FIELDS = ResumePoint.withResumeAndSeed(List.of(
            ConfigField.checkpoint("policyCheckpoint", "Policy", List.of(CheckpointKind.SFT, CheckpointKind.POLICY), true,
                    "The policy to improve; a frozen copy is the KL reference (usually the SFT model)."),
            ConfigField.checkpoint("rewardCheckpoint", "Reward model", List.of(CheckpointKind.REWARD), true,
                    "The reward model that scores the rollouts."),
            ConfigField.project("projectId", "Project", "The project whose prompts are rolled out."),
            ConfigField.integer("iterations", "Rounds", 3, 1, 100_000,
                    "Rollout-then-update rounds; 3 finishes in seconds on the demo data (the loop demo uses 40)."),
            ConfigField.integer("rolloutBatch", "Rollouts per round", 8, 1, 1024,
                    "Prompts sampled per round; 8 on a CPU (Ziegler et al.: 512). A multiple of the minibatch."),
            ConfigField.integer("miniBatch", "Minibatch", 4, 1, 1024, "Rollouts per gradient step; must divide the rollouts per round."),
            ConfigField.integer("ppoEpochs", "PPO epochs", 4, 1, 100, "Passes over each round's rollouts; 4 as Ziegler et al. and TRL."),
            ConfigField.integer("maxNewTokens", "Response length", 16, 1, 4096,
                    "Longest sampled response in tokens; must leave room for a prompt in the model's context."),
            ConfigField.number("temperature", "Temperature", 1.0, 0.01, 10.0, "Sampling temperature of rollouts; 1.0 keeps them on-policy."),
            ConfigField.number("learningRate", "Learning rate", 1e-5, 1e-8, 1e-2, "AdamW peak rate for policy and value head; 1e-5 (TRL: 1.41e-5)."),
            ConfigField.number("initKl", "KL coefficient", 0.2, 0.0, 10.0, "Initial beta of the KL penalty to the reference; 0.2 as Ziegler et al."),
            new ConfigField("adaptiveKl", "Adaptive KL", ConfigField.Kind.BOOLEAN, "true", null, null, List.of(), false,
                    "Ziegler et al.'s controller moves beta towards the target KL; off keeps beta fixed."),
            ConfigField.number("targetKl", "Target KL", 6.0, 0.01, 100.0, "Target KL in nats per response for the adaptive controller; 6 as Ziegler et al.")),
            5, "Rounds", 1234, "Seeds sampling and minibatch order.");

    private final Inputs inputs;

    PpoExecutor(Inputs inputs) {
        super(JobType.PPO, FIELDS, CheckpointKind.POLICY);
        this.inputs = inputs;
    }

    @Override
    public List<Long> prepare(JobSettings s) {
        if (s.integer("rolloutBatch") % s.integer("miniBatch") != 0) {
            throw new InvalidInputException("config.miniBatch", "miniBatch (" + s.integer("miniBatch")
                    + ") must divide rolloutBatch (" + s.integer("rolloutBatch") + ")");
        }
        long project = s.requiredId("projectId");
        inputs.requireProject(project);
        List<Long> ids = inputs.data().promptIds(project);
        if (ids.isEmpty()) {
            throw new InvalidInputException("dataset", "No prompts in project " + project + " to roll out");
        }
        refuseNoRoom(inputs.folder(s.requiredId("policyCheckpoint")), s.integer("maxNewTokens"));
        return ids;
    }

    /**
     * Refuses a response length that leaves no room for a prompt in the policy's context. A folder
     * whose config cannot be read is left to the run, which reports what is wrong with it.
     */
    static void refuseNoRoom(Path policy, int maxNewTokens) {
        GptConfig model;
        try {
            model = Checkpoints.modelConfig(policy);
        } catch (IOException | RuntimeException e) {
            return;
        }
        if (maxNewTokens >= model.contextLength()) {
            throw new InvalidInputException("config.maxNewTokens", "maxNewTokens (" + maxNewTokens
                    + ") leaves no room for a prompt in the policy's " + model.contextLength() + "-token context");
        }
    }

    static PpoConfig config(JobSettings s) {
        return PpoConfig.defaults().withRounds(s.integer("iterations"), s.integer("ppoEpochs"))
                .withBatches(s.integer("rolloutBatch"), s.integer("miniBatch"))
                .withSampling(s.integer("maxNewTokens"), s.number("temperature"))
                .withOptim(Optim.of(s.number("learningRate")))
                .withKl(s.flag("adaptiveKl"), s.number("initKl"), s.number("targetKl"))
                .withSeed(s.longValue("seed"));
    }

    @Override
    Training open(JobContext ctx, @Nullable Path resume, Opened opened) throws IOException {
        JobSettings s = ctx.settings();
        List<PromptText> prompts = inputs.data().prompts(ctx.dataset());
        if (prompts.isEmpty()) {
            throw new IllegalStateException("none of the " + ctx.dataset().size() + " prompts of the snapshot remain");
        }
        List<List<Turn>> turns = prompts.stream().map(p -> Turn.user(p.text())).toList();
        PpoConfig config = config(s);
        long policyId = s.requiredId("policyCheckpoint");
        long rewardId = s.requiredId("rewardCheckpoint");
        Path start = inputs.folder(policyId);
        Device device = ctx.device();
        RewardModel reward = opened.add(RewardModel.load(inputs.folder(rewardId), device));
        GptModel policy = opened.add(AlignCheckpoints.loadPolicy(resume != null ? resume : start, device));
        GptModel reference = opened.add(AlignCheckpoints.loadPolicy(start, device));
        PpoTrainer trainer = opened.add(new PpoTrainer(policy, reference, new ChatTokens(Tokenizers.load(start)), reward,
                turns, config));
        return new Training(policyId, trainer::restore, trainer::save,
                () -> "PPO on " + prompts.size() + " prompts, " + config.iterations() + " rounds of "
                        + config.rolloutBatch() + " rollouts, from round " + trainer.iteration(),
                (reporter, cancelled) -> {
                    PpoResult r = trainer.run(reporter, cancelled);
                    return new Outcome(r.cancelled(), r.iterations(), () -> {
                        Map<String, Number> headline = new LinkedHashMap<>();
                        headline.put("iterations", (long) r.iterations());
                        for (String name : List.of("score", "kl", "beta", "entropy")) {
                            if (r.last().containsKey(name)) {
                                headline.put(name, r.last().get(name));
                            }
                        }
                        headline.put("prompts", (long) prompts.size());
                        return headline;
                    });
                });
    }
}
