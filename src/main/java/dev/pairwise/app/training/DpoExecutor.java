package dev.pairwise.app.training;

import ai.djl.Device;
import dev.pairwise.app.jobs.JobContext;
import dev.pairwise.app.jobs.JobType;
import dev.pairwise.app.jobs.config.ConfigField;
import dev.pairwise.app.jobs.config.JobSettings;
import dev.pairwise.app.registry.CheckpointKind;
import dev.pairwise.labeling.dataset.PairText;
import dev.pairwise.policy.align.AlignCheckpoints;
import dev.pairwise.policy.align.ChatTokens;
import dev.pairwise.policy.align.DpoLossType;
import dev.pairwise.policy.align.Optim;
import dev.pairwise.policy.dpo.DpoConfig;
import dev.pairwise.policy.dpo.DpoResult;
import dev.pairwise.policy.dpo.DpoTrainer;
import dev.pairwise.policy.model.GptModel;
import dev.pairwise.policy.tokenizer.Tokenizers;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * DPO (Rafailov et al. 2023): trains a policy on a project's preference pairs frozen at
 * submission against the frozen starting policy as reference, every weight or (with a LoRA rank)
 * adapters on the projections. Registers a POLICY checkpoint whose parent is the starting policy.
 */
@Component
class DpoExecutor extends TrainerExecutor {

    static final List<ConfigField> FIELDS = LoraFields.after(List.of(
            ConfigField.checkpoint("policyCheckpoint", "Policy", List.of(CheckpointKind.SFT, CheckpointKind.POLICY), true,
                    "The policy to improve; a frozen copy is the reference (usually the SFT model)."),
            ConfigField.project("projectId", "Project", "The project whose preference pairs it learns from."),
            Inputs.PAIR_SOURCE, Inputs.PREFER_ADJUDICATED, Inputs.EXCLUDE_FLAGGED,
            ConfigField.number("beta", "Beta", 0.1, 0.001, 10.0,
                    "Strength of the implicit KL constraint to the reference; 0.1 as the paper and TRL."),
            ConfigField.choice("lossType", "Loss", List.of("sigmoid", "ipo", "hinge"),
                    "sigmoid: DPO; ipo: Azar et al. 2023, robust to deterministic preferences; hinge: SLiC."),
            ConfigField.integer("epochs", "Epochs", 1, 1, 100, "Passes over the pairs; 1 as the paper (more overfits the pairs)."),
            ConfigField.integer("batchSize", "Batch size", 8, 1, 256, "Pairs per step; 8 fits a CPU (the paper: 64)."),
            ConfigField.number("learningRate", "Learning rate", 5e-5, 1e-8, 1e-2,
                    "AdamW peak rate; 5e-5 for the small models here (the paper's 1e-6 is for billions of parameters).")));

    private final Inputs inputs;

    DpoExecutor(Inputs inputs) {
        super(JobType.DPO, FIELDS, CheckpointKind.POLICY);
        this.inputs = inputs;
    }

    @Override
    public List<Long> prepare(JobSettings s) {
        inputs.requireChatTokens("policyCheckpoint", s.requiredId("policyCheckpoint"));
        return inputs.pairSnapshot(s);
    }

    static DpoConfig config(JobSettings s) {
        return DpoConfig.defaults()
                .withLoss(DpoLossType.valueOf(s.choice("lossType").toUpperCase(Locale.ROOT)), s.number("beta"), 0.0)
                .withTraining(s.integer("epochs"), s.integer("batchSize"), Optim.of(s.number("learningRate")))
                .withLora(LoraFields.of(s)).withSeed(s.longValue("seed"));
    }

    @Override
    Training open(JobContext ctx, @Nullable Path resume, Opened opened) throws IOException {
        JobSettings s = ctx.settings();
        List<PairText> pairs = inputs.data().pairs(ctx.dataset());
        if (pairs.isEmpty()) {
            throw new IllegalStateException("none of the " + ctx.dataset().size() + " pairs of the snapshot remain");
        }
        DpoConfig config = config(s);
        long policyId = s.requiredId("policyCheckpoint");
        Path start = inputs.folder(policyId);
        Device device = ctx.device();
        GptModel policy = opened.add(AlignCheckpoints.loadPolicy(resume != null ? resume : start, device));
        GptModel reference = opened.add(AlignCheckpoints.loadPolicy(start, device));
        DpoTrainer trainer = opened.add(new DpoTrainer(policy, reference, new ChatTokens(Tokenizers.load(start)),
                Groups.pairs(pairs), config));
        return new Training(policyId, trainer::restore, trainer::save,
                () -> "DPO on " + pairs.size() + " pairs, " + trainer.totalSteps() + " steps, from step " + trainer.step()
                        + "; " + LoraFields.describe(config.lora()),
                (reporter, cancelled) -> {
                    DpoResult r = trainer.run(reporter, cancelled);
                    return new Outcome(r.cancelled(), r.steps(), () -> {
                        Map<String, Number> headline = headline(r.steps(), r.trainLoss());
                        headline.put("pairs", (long) pairs.size());
                        headline.put("skipped_identical", (long) r.skippedIdentical());
                        r.eval().forEach(headline::put);
                        if (r.eval().isEmpty()) {
                            copy(reporter.last(), headline, "rewards/margins", "rewards/accuracies");
                        }
                        return headline;
                    });
                });
    }

    private static void copy(Map<String, Double> from, Map<String, Number> to, String... names) {
        for (String n : names) {
            if (from.containsKey(n)) {
                to.put(n, from.get(n));
            }
        }
    }
}
