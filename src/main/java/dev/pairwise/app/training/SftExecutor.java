package dev.pairwise.app.training;

import ai.djl.Device;
import dev.pairwise.app.jobs.CheckpointKind;
import dev.pairwise.app.jobs.ConfigField;
import dev.pairwise.app.jobs.JobContext;
import dev.pairwise.app.jobs.JobExecutor;
import dev.pairwise.app.jobs.JobSettings;
import dev.pairwise.app.jobs.JobType;
import dev.pairwise.labeling.InvalidInputException;
import dev.pairwise.labeling.dataset.DemonstrationText;
import dev.pairwise.policy.align.AlignCheckpoints;
import dev.pairwise.policy.align.ChatTokens;
import dev.pairwise.policy.align.Optim;
import dev.pairwise.policy.data.pairs.SftExample;
import dev.pairwise.policy.model.GptModel;
import dev.pairwise.policy.sft.SftConfig;
import dev.pairwise.policy.sft.SftResult;
import dev.pairwise.policy.sft.SftTrainer;
import dev.pairwise.policy.tokenizer.Tokenizers;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * SFT (InstructGPT §3.5): fine-tunes a base (or SFT) model on the APPROVED demonstrations frozen
 * at submission, of one project or of all; loss on response tokens only. Registers an SFT
 * checkpoint, the first policy and the reference of DPO and PPO. Trains every weight or, with a
 * LoRA rank, adapters on the projections of a frozen model (an imported one, say). Resumes exactly
 * from its last resume point.
 */
@Component
class SftExecutor implements JobExecutor {

    static final List<ConfigField> FIELDS = Stream.of(List.of(
            ConfigField.checkpoint("baseCheckpoint", "Start from", List.of(CheckpointKind.BASE, CheckpointKind.SFT), true,
                    "The pretrained (or earlier SFT) model to fine-tune; its tokenizer is used."),
            new ConfigField("projectId", "Project", ConfigField.Kind.PROJECT, null, null, null, List.of(), false,
                    "Optional: only this project's approved demonstrations; empty takes every project's."),
            ConfigField.integer("epochs", "Epochs", 3, 1, 100,
                    "Passes over the demonstrations; 3 as Alpaca and TRL (few examples need several passes)."),
            ConfigField.integer("batchSize", "Batch size", 8, 1, 256, "Demonstrations per step; 8 fits a CPU."),
            ConfigField.number("learningRate", "Learning rate", 1e-4, 1e-7, 1e-2,
                    "AdamW peak rate; 1e-4, ten times below pretraining, as fine-tuning moves the weights less "
                            + "(with LoRA, 1e-3 or more: only the small adapters move).")),
            LoraFields.FIELDS,
            List.of(ResumePoint.field(50, "Steps"),
                    ConfigField.integer("seed", "Seed", 1234, Integer.MIN_VALUE, Integer.MAX_VALUE,
                            "Seeds the 90/10 split, the shuffles and LoRA's initial A."))).flatMap(List::stream).toList();

    private final Inputs inputs;

    SftExecutor(Inputs inputs) {
        this.inputs = inputs;
    }

    @Override
    public JobType type() {
        return JobType.SFT;
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
        Long project = s.id("projectId");
        if (project != null) {
            inputs.requireProject(project);
        }
        List<Long> ids = inputs.data().approvedDemonstrationIds(project);
        if (ids.isEmpty()) {
            throw new InvalidInputException("dataset", "No approved demonstrations to train on"
                    + (project == null ? "" : " in project " + project) + ": approve some on the demonstrations page first");
        }
        // Last: it reads the checkpoint's tokenizer from disk, the costliest check.
        inputs.requireChatTokens("baseCheckpoint", s.requiredId("baseCheckpoint"));
        return ids;
    }

    static SftConfig config(JobSettings s) {
        SftConfig d = SftConfig.defaults();
        return new SftConfig(s.integer("epochs"), s.integer("batchSize"), Optim.of(s.number("learningRate")), 0, false,
                LoraFields.of(s), d.valFraction(), 0, 0, s.longValue("seed"));
    }

    @Override
    public void run(JobContext ctx) throws Exception {
        JobSettings s = JobSettings.check(FIELDS, ctx.config());
        List<DemonstrationText> demos = inputs.data().demonstrations(ctx.dataset());
        if (demos.isEmpty()) {
            throw new IllegalStateException("none of the " + ctx.dataset().size() + " demonstrations of the snapshot remain");
        }
        List<SftExample> examples = demos.stream().map(d -> SftExample.of(d.instruction(), d.response())).toList();
        long baseId = s.requiredId("baseCheckpoint");
        Path resume = ResumePoint.of(ctx);
        Path start = resume != null ? resume : inputs.folder(baseId);
        Device device = ctx.device();
        Path dir = ctx.checkpointDir().resolve("model");
        try (GptModel model = AlignCheckpoints.loadPolicy(start, device);
                SftTrainer trainer = new SftTrainer(model, new ChatTokens(Tokenizers.load(start)), examples, config(s))) {
            if (resume != null) {
                trainer.restore(resume);
            }
            ctx.log("SFT on " + examples.size() + " demonstrations, " + trainer.totalSteps() + " steps, from step "
                    + trainer.step() + "; " + trainer.truncated() + " cut to fit the context; "
                    + LoraFields.describe(LoraFields.of(s)));
            int every = s.integer("checkpointEvery");
            Reporter reporter = new Reporter(ctx, ResumePoint.every(every, dir, ctx, trainer::save));
            SftResult r = trainer.run(reporter, ctx::isCancelled);
            if (r.cancelled()) {
                ResumePoint.stopped(r.steps(), dir, ctx, trainer::save);
                return;
            }
            trainer.save(dir);
            Map<String, Number> headline = new LinkedHashMap<>();
            headline.put("steps", (long) r.steps());
            headline.put("loss", r.trainLoss());
            headline.put("eval_loss", r.valLoss());
            headline.put("demonstrations", (long) examples.size());
            ctx.publish(CheckpointKind.SFT, dir, baseId, JsonSupport.metrics(headline));
        }
    }
}
