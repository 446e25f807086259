package dev.pairwise.app.training;

import dev.pairwise.app.jobs.JobContext;
import dev.pairwise.app.jobs.JobType;
import dev.pairwise.app.jobs.config.ConfigField;
import dev.pairwise.app.jobs.config.JobSettings;
import dev.pairwise.app.registry.CheckpointKind;
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
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * SFT (InstructGPT §3.5): fine-tunes a base (or SFT) model on the APPROVED demonstrations frozen
 * at submission, of one project or of all; loss on response tokens only. Registers an SFT
 * checkpoint, the first policy and the reference of DPO and PPO. Trains every weight or, with a
 * LoRA rank, adapters on the projections of a frozen model (an imported one, say). Resumes exactly
 * from its last resume point.
 */
@Component
class SftExecutor extends TrainerExecutor {

    static final List<ConfigField> FIELDS = LoraFields.after(List.of(
            ConfigField.checkpoint("baseCheckpoint", "Start from", List.of(CheckpointKind.BASE, CheckpointKind.SFT), true,
                    "The pretrained (or earlier SFT) model to fine-tune; its tokenizer is used."),
            new ConfigField("projectId", "Project", ConfigField.Kind.PROJECT, null, null, null, List.of(), false,
                    "Optional: only this project's approved demonstrations; empty takes every project's."),
            ConfigField.integer("epochs", "Epochs", 3, 1, 100,
                    "Passes over the demonstrations; 3 as Alpaca and TRL (few examples need several passes)."),
            ConfigField.integer("batchSize", "Batch size", 8, 1, 256, "Demonstrations per step; 8 fits a CPU."),
            ConfigField.number("learningRate", "Learning rate", 1e-4, 1e-7, 1e-2,
                    "AdamW peak rate; 1e-4, ten times below pretraining, as fine-tuning moves the weights less "
                            + "(with LoRA, 1e-3 or more: only the small adapters move).")));

    private final Inputs inputs;

    SftExecutor(Inputs inputs) {
        super(JobType.SFT, FIELDS, CheckpointKind.SFT);
        this.inputs = inputs;
    }

    @Override
    public List<Long> prepare(JobSettings s) {
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
        return SftConfig.defaults().withEpochs(s.integer("epochs")).withBatchSize(s.integer("batchSize"))
                .withOptim(Optim.of(s.number("learningRate"))).withLora(LoraFields.of(s)).withEvalInterval(0)
                .withSeed(s.longValue("seed"));
    }

    @Override
    Training open(JobContext ctx, @Nullable Path resume, Opened opened) throws IOException {
        JobSettings s = ctx.settings();
        List<DemonstrationText> demos = inputs.data().demonstrations(ctx.dataset());
        if (demos.isEmpty()) {
            throw new IllegalStateException("none of the " + ctx.dataset().size() + " demonstrations of the snapshot remain");
        }
        List<SftExample> examples = demos.stream().map(d -> SftExample.of(d.instruction(), d.response())).toList();
        long baseId = s.requiredId("baseCheckpoint");
        Path start = resume != null ? resume : inputs.folder(baseId);
        GptModel model = opened.add(AlignCheckpoints.loadPolicy(start, ctx.device()));
        SftTrainer trainer = opened.add(new SftTrainer(model, new ChatTokens(Tokenizers.load(start)), examples, config(s)));
        return new Training(baseId, trainer::restore, trainer::save,
                () -> "SFT on " + examples.size() + " demonstrations, " + trainer.totalSteps() + " steps, from step "
                        + trainer.step() + "; " + trainer.truncated() + " cut to fit the context; "
                        + LoraFields.describe(LoraFields.of(s)),
                (reporter, cancelled) -> {
                    SftResult r = trainer.run(reporter, cancelled);
                    return new Outcome(r.cancelled(), r.steps(), () -> {
                        Map<String, Number> headline = headline(r.steps(), r.trainLoss());
                        headline.put("eval_loss", r.valLoss());
                        headline.put("demonstrations", (long) examples.size());
                        return headline;
                    });
                });
    }
}
