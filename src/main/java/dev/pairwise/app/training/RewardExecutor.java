package dev.pairwise.app.training;

import dev.pairwise.app.jobs.CheckpointKind;
import dev.pairwise.app.jobs.ConfigField;
import dev.pairwise.app.jobs.JobContext;
import dev.pairwise.app.jobs.JobExecutor;
import dev.pairwise.app.jobs.JobSettings;
import dev.pairwise.app.jobs.JobType;
import dev.pairwise.labeling.dataset.PairText;
import dev.pairwise.policy.align.Optim;
import dev.pairwise.policy.data.pairs.PreferenceGroup;
import dev.pairwise.rewardmodel.RewardConfig;
import dev.pairwise.rewardmodel.RewardModel;
import dev.pairwise.rewardmodel.RewardResult;
import dev.pairwise.rewardmodel.RewardTrainer;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * REWARD: a Bradley–Terry reward model (InstructGPT §3.5) initialised from a base or SFT model and
 * trained on a project's preference pairs frozen at submission, all pairs of a judgment as one
 * element. Registers a REWARD checkpoint with its held-out accuracy and margin.
 */
@Component
class RewardExecutor implements JobExecutor {

    static final List<ConfigField> FIELDS = List.of(
            ConfigField.checkpoint("baseCheckpoint", "Initialise from", List.of(CheckpointKind.BASE, CheckpointKind.SFT),
                    true, "The backbone; InstructGPT starts the reward model from the SFT model."),
            ConfigField.project("projectId", "Project", "The project whose preference pairs it learns from."),
            Inputs.PREFER_ADJUDICATED, Inputs.EXCLUDE_FLAGGED,
            ConfigField.integer("epochs", "Epochs", 1, 1, 100,
                    "Passes over the judgments; 1, as InstructGPT's reward model overfits after one."),
            ConfigField.integer("batchSize", "Batch size", 8, 1, 256,
                    "Judgments (each with all its pairs) per step; 8 fits a CPU (InstructGPT: 64)."),
            ConfigField.number("learningRate", "Learning rate", 1e-4, 1e-7, 1e-2,
                    "AdamW peak rate; 1e-4 for the small backbones here (InstructGPT: 9e-6 for 6B)."),
            ConfigField.number("centering", "Centering", 0.0, 0.0, 1.0,
                    "Weight of mean((r_w + r_l)^2) keeping rewards near zero; 0 off as TRL, 0.01 when on (Eisenstein et al. 2023)."),
            ResumePoint.field(50, "Steps"),
            ConfigField.integer("seed", "Seed", 1234, Integer.MIN_VALUE, Integer.MAX_VALUE,
                    "Seeds the head, the 90/10 split and the shuffles."));

    private final Inputs inputs;

    RewardExecutor(Inputs inputs) {
        this.inputs = inputs;
    }

    @Override
    public JobType type() {
        return JobType.REWARD;
    }

    @Override
    public List<ConfigField> fields() {
        return FIELDS;
    }

    @Override
    public boolean supportsResume() {
        return true;
    }

    @Override
    public List<Long> prepare(JsonNode config) {
        JobSettings s = JobSettings.check(FIELDS, config);
        return inputs.pairSnapshot(s);
    }

    @Override
    public void run(JobContext ctx) throws Exception {
        JobSettings s = JobSettings.check(FIELDS, ctx.config());
        List<PairText> pairs = inputs.data().pairs(ctx.dataset());
        List<PreferenceGroup> groups = Groups.byJudgment(pairs);
        if (groups.isEmpty()) {
            throw new IllegalStateException("none of the " + ctx.dataset().size() + " pairs of the snapshot remain");
        }
        long baseId = s.requiredId("baseCheckpoint");
        RewardConfig config = new RewardConfig(s.integer("epochs"), s.integer("batchSize"),
                Optim.of(s.number("learningRate")), 0, s.number("centering"), RewardConfig.defaults().valFraction(), 0,
                s.longValue("seed"));
        Path dir = ctx.checkpointDir().resolve("model");
        Path resume = ResumePoint.of(ctx);
        try (RewardModel model = resume != null ? RewardModel.load(resume, Inputs.device())
                : RewardModel.initFrom(inputs.folder(baseId), Inputs.device(), config.seed());
                RewardTrainer trainer = new RewardTrainer(model, groups, config)) {
            if (resume != null) {
                trainer.restore(resume);
            }
            ctx.log("reward model on " + pairs.size() + " pairs in " + groups.size() + " judgments, "
                    + trainer.totalSteps() + " steps, from step " + trainer.step());
            Reporter reporter = new Reporter(ctx, ResumePoint.every(s.integer("checkpointEvery"), dir, ctx, trainer::save));
            RewardResult r = trainer.run(reporter, ctx::isCancelled);
            if (r.cancelled()) {
                ResumePoint.stopped(r.steps(), dir, ctx, trainer::save);
                return;
            }
            trainer.save(dir);
            Map<String, Number> headline = new LinkedHashMap<>();
            headline.put("steps", (long) r.steps());
            headline.put("loss", r.trainLoss());
            headline.put("pairs", (long) pairs.size());
            headline.put("skipped_identical", (long) r.skippedIdentical());
            if (r.heldOut().pairs() > 0) {
                headline.put("eval_accuracy", r.heldOut().accuracy());
                headline.put("eval_margin", r.heldOut().meanMargin());
                headline.put("eval_pairs", (long) r.heldOut().pairs());
            }
            ctx.publish(CheckpointKind.REWARD, dir, baseId, JsonSupport.metrics(headline));
        }
    }
}
