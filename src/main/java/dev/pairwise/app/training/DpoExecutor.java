package dev.pairwise.app.training;

import ai.djl.Device;
import dev.pairwise.app.jobs.CheckpointKind;
import dev.pairwise.app.jobs.ConfigField;
import dev.pairwise.app.jobs.JobContext;
import dev.pairwise.app.jobs.JobExecutor;
import dev.pairwise.app.jobs.JobSettings;
import dev.pairwise.app.jobs.JobType;
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
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * DPO (Rafailov et al. 2023): trains a policy on a project's preference pairs frozen at
 * submission against the frozen starting policy as reference, every weight or (with a LoRA rank)
 * adapters on the projections. Registers a POLICY checkpoint whose parent is the starting policy.
 */
@Component
class DpoExecutor implements JobExecutor {

    static final List<ConfigField> FIELDS = Stream.of(List.of(
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
                    "AdamW peak rate; 5e-5 for the small models here (the paper's 1e-6 is for billions of parameters).")),
            LoraFields.FIELDS,
            List.of(ResumePoint.field(50, "Steps"),
                    ConfigField.integer("seed", "Seed", 1234, Integer.MIN_VALUE, Integer.MAX_VALUE,
                            "Seeds the 90/10 split, the shuffles and LoRA's initial A."))).flatMap(List::stream).toList();

    private final Inputs inputs;

    DpoExecutor(Inputs inputs) {
        this.inputs = inputs;
    }

    @Override
    public JobType type() {
        return JobType.DPO;
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
        inputs.requireChatTokens("policyCheckpoint", s.requiredId("policyCheckpoint"));
        return inputs.pairSnapshot(s);
    }

    @Override
    public void run(JobContext ctx) throws Exception {
        JobSettings s = JobSettings.check(FIELDS, ctx.config());
        List<PairText> pairs = inputs.data().pairs(ctx.dataset());
        if (pairs.isEmpty()) {
            throw new IllegalStateException("none of the " + ctx.dataset().size() + " pairs of the snapshot remain");
        }
        DpoConfig d = DpoConfig.defaults();
        DpoConfig config = new DpoConfig(s.number("beta"),
                DpoLossType.valueOf(s.choice("lossType").toUpperCase(Locale.ROOT)), 0.0, s.integer("epochs"),
                s.integer("batchSize"), Optim.of(s.number("learningRate")), 0, LoraFields.of(s), d.valFraction(), 0,
                s.longValue("seed"));
        long policyId = s.requiredId("policyCheckpoint");
        Path start = inputs.folder(policyId);
        Device device = ctx.device();
        Path dir = ctx.checkpointDir().resolve("model");
        Path resume = ResumePoint.of(ctx);
        try (GptModel policy = AlignCheckpoints.loadPolicy(resume != null ? resume : start, device);
                GptModel reference = AlignCheckpoints.loadPolicy(start, device);
                DpoTrainer trainer = new DpoTrainer(policy, reference, new ChatTokens(Tokenizers.load(start)),
                        Groups.pairs(pairs), config)) {
            if (resume != null) {
                trainer.restore(resume);
            }
            ctx.log("DPO on " + pairs.size() + " pairs, " + trainer.totalSteps() + " steps, from step " + trainer.step()
                    + "; " + LoraFields.describe(config.lora()));
            Reporter reporter = new Reporter(ctx, ResumePoint.every(s.integer("checkpointEvery"), dir, ctx, trainer::save));
            DpoResult r = trainer.run(reporter, ctx::isCancelled);
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
            r.eval().forEach(headline::put);
            if (r.eval().isEmpty()) {
                copy(reporter.last(), headline, "rewards/margins", "rewards/accuracies");
            }
            ctx.publish(CheckpointKind.POLICY, dir, policyId, JsonSupport.metrics(headline));
        }
    }

    private static void copy(Map<String, Double> from, Map<String, Number> to, String... names) {
        for (String n : names) {
            if (from.containsKey(n)) {
                to.put(n, from.get(n));
            }
        }
    }
}
