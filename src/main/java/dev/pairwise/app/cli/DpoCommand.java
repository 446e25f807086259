package dev.pairwise.app.cli;

import ai.djl.Device;
import dev.pairwise.policy.align.AlignCheckpoints;
import dev.pairwise.policy.align.ChatTokens;
import dev.pairwise.policy.align.DpoLossType;
import dev.pairwise.policy.align.Optim;
import dev.pairwise.policy.data.pairs.PairReader;
import dev.pairwise.policy.data.pairs.PreferencePair;
import dev.pairwise.policy.data.pairs.ReadReport;
import dev.pairwise.policy.dpo.DpoConfig;
import dev.pairwise.policy.dpo.DpoResult;
import dev.pairwise.policy.dpo.DpoTrainer;
import dev.pairwise.policy.model.GptModel;
import dev.pairwise.policy.tokenizer.Tokenizer;
import dev.pairwise.policy.tokenizer.Tokenizers;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code dpo}: direct preference optimisation of a policy on preference pairs, against a frozen copy of it. */
@Command(name = "dpo", description = {
        "Direct preference optimisation of a policy on preference pairs.",
        "The frozen start is the reference; saves the new policy."})
final class DpoCommand extends AlignStage {

    private static final DpoConfig DEFAULTS = DpoConfig.defaults();

    @Option(names = "--policy", required = true, paramLabel = "DIR",
            description = "Policy checkpoint (usually SFT): the start and the frozen reference.")
    Path policy;

    @Option(names = "--data", required = true, paramLabel = "FILE",
            description = "Preference pairs, JSONL or JSONL.gz: HH-RLHF {chosen, rejected} or TRL {prompt, chosen, "
                    + "rejected}.")
    Path data;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Folder for the new policy.")
    Path outDir;

    @Option(names = "--beta", paramLabel = "B", description = "Strength of the pull towards the reference.")
    double beta = DEFAULTS.beta();

    @Option(names = "--loss", paramLabel = "sigmoid|ipo|hinge", description = "DPO's loss, or IPO's, or the hinge.")
    DpoLossType loss = DEFAULTS.lossType();

    @Option(names = "--label-smoothing", paramLabel = "E",
            description = "Share of pairs assumed mislabelled (conservative DPO); 0: none.")
    double labelSmoothing = DEFAULTS.labelSmoothing();

    @Option(names = "--epochs", paramLabel = "N", description = "Passes over the pairs.")
    int epochs = DEFAULTS.epochs();

    @Option(names = "--batch", paramLabel = "N", description = "Pairs per step.")
    int batch = DEFAULTS.batchSize();

    @Option(names = "--lr", paramLabel = "LR", description = "Peak learning rate (AdamW, cosine schedule).")
    double lr = DEFAULTS.optim().lr();

    @Option(names = "--seed", paramLabel = "N", description = "Seed of the shuffle and the held-out split.")
    int seed = (int) DEFAULTS.seed();

    @Override
    public Integer call() throws IOException {
        DpoConfig config = new DpoConfig(beta, loss, labelSmoothing, epochs, batch, Optim.of(lr), 0, null,
                DEFAULTS.valFraction(), 0, seed);
        ReadReport<PreferencePair> read = PairReader.read(data);
        Device device = device();
        try (GptModel start = AlignCheckpoints.loadPolicy(policy, device);
                GptModel reference = AlignCheckpoints.loadPolicy(policy, device)) {
            Tokenizer tokenizer = Tokenizers.load(policy);
            noteUnknown(tokenizer, read.records().stream().map(AlignStage::texts).toList(), "pairs");
            try (DpoTrainer t = new DpoTrainer(start, reference, new ChatTokens(tokenizer), read.records(), config)) {
                DpoResult r = t.run(progress(), () -> false);
                t.save(outDir);
                result(Map.of("result", r, "skipped_identical_in_file", read.skippedIdentical()));
            }
        }
        return 0;
    }
}
