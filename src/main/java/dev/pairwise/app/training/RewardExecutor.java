package dev.pairwise.app.training;

import dev.pairwise.app.jobs.JobContext;
import dev.pairwise.app.jobs.JobType;
import dev.pairwise.app.jobs.config.ConfigField;
import dev.pairwise.app.jobs.config.JobSettings;
import dev.pairwise.app.registry.CheckpointKind;
import dev.pairwise.labeling.InvalidInputException;
import dev.pairwise.labeling.dataset.PairText;
import dev.pairwise.policy.align.Optim;
import dev.pairwise.policy.data.pairs.PreferenceGroup;
import dev.pairwise.rewardmodel.BertRewardModel;
import dev.pairwise.rewardmodel.GptRewardModel;
import dev.pairwise.rewardmodel.RewardConfig;
import dev.pairwise.rewardmodel.RewardModel;
import dev.pairwise.rewardmodel.RewardResult;
import dev.pairwise.rewardmodel.RewardTrainer;
import dev.pairwise.rewardmodel.bert.MiniLm;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * REWARD: a Bradley–Terry reward model (InstructGPT §3.5) trained on a project's preference pairs
 * frozen at submission, all pairs of a judgment as one element, on the pretrained
 * all-MiniLM-L6-v2 encoder (the default) or on the GPT of a base or SFT checkpoint. Registers a
 * REWARD checkpoint with its held-out accuracy and margin (its parent: that GPT checkpoint). In a
 * project with UNCERTAINTY routing it then scores the open tasks' margins with the new model.
 */
@Component
class RewardExecutor extends TrainerExecutor {

    private static final RewardConfig RECIPE = RewardConfig.pretrainedRecipe();

    static final List<ConfigField> FIELDS = ResumePoint.withResumeAndSeed(List.of(
            ConfigField.choice("backbone", "Backbone", List.of(MiniLm.NAME, GptRewardModel.BACKBONE),
                    "all-minilm-l6-v2: a pretrained 22.7M-parameter BERT that reads prompt and response (reward models "
                            + "work from pretrained models); gpt: the GPT of the checkpoint below."),
            ConfigField.checkpoint("baseCheckpoint", "Initialise from (gpt)", List.of(CheckpointKind.BASE, CheckpointKind.SFT),
                    false, "The GPT backbone, for backbone gpt only; InstructGPT starts the reward model from the SFT model."),
            ConfigField.project("projectId", "Project", "The project whose preference pairs it learns from."),
            Inputs.PAIR_SOURCE, Inputs.PREFER_ADJUDICATED, Inputs.EXCLUDE_FLAGGED,
            ConfigField.integer("epochs", "Epochs", 1, 1, 100,
                    "Passes over the judgments; 1, as InstructGPT's reward model overfits after one."),
            ConfigField.integer("batchSize", "Batch size", RECIPE.batchSize(), 1, 256,
                    "Judgments (each with all its pairs) per step; 16 fits a CPU (InstructGPT: 64)."),
            ConfigField.number("learningRate", "Learning rate", RECIPE.optim().lr(), 1e-7, 1e-2,
                    "AdamW peak rate; 1e-4 for MiniLM's top block and for the small GPTs (InstructGPT: 9e-6 for 6B)."),
            ConfigField.integer("maxLength", "Max tokens", RECIPE.maxLength(), 8, 512,
                    "Prompt + response tokens read; the dialogue is cut from the left, keeping its last turns (gpt: at most its context)."),
            ConfigField.integer("frozenLayers", "Frozen blocks (MiniLM)", BertRewardModel.DEFAULT_FROZEN_LAYERS, 0, 6,
                    "MiniLM's embeddings and lowest blocks kept as pretrained; 5 of 6 trains fast on a CPU, 0 trains all."),
            ConfigField.integer("maxPairs", "Max judgments", RECIPE.maxTrainJudgments(), 0, Integer.MAX_VALUE,
                    "Training judgments used at most (a seeded random subset); 1,200 took 15 minutes on a busy 2-core machine; 0: all."),
            ConfigField.number("centering", "Centering", 0.0, 0.0, 1.0,
                    "Weight of mean((r_w + r_l)^2) keeping rewards near zero; 0 off as TRL, 0.01 when on (Eisenstein et al. 2023).")),
            50, "Steps", 1234, "Seeds the head, the 90/10 split and the shuffles.");

    private final Inputs inputs;
    private final UncertaintyRefresh uncertainty;

    RewardExecutor(Inputs inputs, UncertaintyRefresh uncertainty) {
        super(JobType.REWARD, FIELDS, CheckpointKind.REWARD);
        this.inputs = inputs;
        this.uncertainty = uncertainty;
    }

    @Override
    public List<Long> prepare(JobSettings s) {
        boolean gpt = s.choice("backbone").equals(GptRewardModel.BACKBONE);
        if (gpt && s.id("baseCheckpoint") == null) {
            throw new InvalidInputException("config.baseCheckpoint", "The gpt backbone needs baseCheckpoint (the id of a "
                    + "BASE or SFT checkpoint)");
        }
        if (!gpt && s.id("baseCheckpoint") != null) {
            throw new InvalidInputException("config.baseCheckpoint", "The " + MiniLm.NAME + " backbone starts from its "
                    + "pretrained weights; leave baseCheckpoint out, or choose backbone gpt");
        }
        return inputs.pairSnapshot(s);
    }

    static RewardConfig config(JobSettings s) {
        return RewardConfig.defaults()
                .withTraining(s.integer("epochs"), s.integer("batchSize"), Optim.of(s.number("learningRate")))
                .withMaxLength(s.integer("maxLength")).withCentering(s.number("centering"))
                .withMaxTrainJudgments(s.integer("maxPairs")).withSeed(s.longValue("seed"));
    }

    @Override
    Training open(JobContext ctx, @Nullable Path resume, Opened opened) throws IOException {
        JobSettings s = ctx.settings();
        List<PairText> pairs = inputs.data().pairs(ctx.dataset());
        List<PreferenceGroup> groups = Groups.byJudgment(pairs);
        if (groups.isEmpty()) {
            throw new IllegalStateException("none of the " + ctx.dataset().size() + " pairs of the snapshot remain");
        }
        boolean gpt = s.choice("backbone").equals(GptRewardModel.BACKBONE);
        @Nullable Long baseId = gpt ? Long.valueOf(s.requiredId("baseCheckpoint")) : null;
        RewardConfig config = config(s);
        RewardModel model = opened.add(resume != null ? RewardModel.load(resume, ctx.device())
                : gpt ? GptRewardModel.initFrom(inputs.folder(s.requiredId("baseCheckpoint")), ctx.device(),
                        config.seed())
                : BertRewardModel.pretrained(ctx.device(), config.seed(), config.maxLength(),
                        s.integer("frozenLayers")));
        RewardTrainer trainer = opened.add(new RewardTrainer(model, groups, config));
        return new Training(baseId, trainer::restore, trainer::save,
                () -> "reward model (" + model.backboneName() + ") on " + pairs.size() + " pairs in " + groups.size()
                        + " judgments, " + trainer.totalSteps() + " steps, from step " + trainer.step(),
                (reporter, cancelled) -> {
                    RewardResult r = trainer.run(reporter, cancelled);
                    return new Outcome(r.cancelled(), r.steps(), () -> headline(ctx, model, trainer, r, pairs.size()));
                });
    }

    /** The headline metrics; first the project's open tasks are scored by the new model, if it routes by uncertainty. */
    private Map<String, Number> headline(JobContext ctx, RewardModel model, RewardTrainer trainer, RewardResult r,
                                         int pairs) {
        int scored = uncertainty.refresh(ctx.settings().requiredId("projectId"), model, ctx::log);
        Map<String, Number> headline = headline(r.steps(), r.trainLoss());
        headline.put("pairs", (long) pairs);
        headline.put("skipped_identical", (long) r.skippedIdentical());
        if (r.heldOut().pairs() > 0) {
            headline.put("eval_accuracy", r.heldOut().accuracy());
            headline.put("eval_margin", r.heldOut().meanMargin());
            headline.put("eval_pairs", (long) r.heldOut().pairs());
            headline.put("eval_longer_wins_accuracy", trainer.heldOutLongerWins().accuracy());
        }
        if (scored > 0) {
            headline.put("routing_margins", (long) scored);
        }
        return headline;
    }
}
