package dev.pairwise.app.cli;

import dev.pairwise.policy.align.Optim;
import dev.pairwise.policy.data.pairs.PairReader;
import dev.pairwise.policy.data.pairs.PreferenceGroup;
import dev.pairwise.policy.data.pairs.PreferencePair;
import dev.pairwise.policy.data.pairs.ReadReport;
import dev.pairwise.rewardmodel.RewardConfig;
import dev.pairwise.rewardmodel.RewardModel;
import dev.pairwise.rewardmodel.RewardResult;
import dev.pairwise.rewardmodel.RewardTrainer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code train-rm}: a Bradley–Terry reward model on preference pairs, its backbone a policy checkpoint. */
@Command(name = "train-rm", description = {
        "Trains a Bradley-Terry reward model on preference pairs.",
        "Pairs as HH-RLHF or TRL JSONL; the backbone is a policy checkpoint; saves it with its held-out accuracy."})
final class TrainRmCommand extends AlignStage {

    private static final RewardConfig DEFAULTS = RewardConfig.defaults();

    @Option(names = "--init", required = true, paramLabel = "DIR",
            description = "Policy checkpoint (SFT or base) whose GPT becomes the backbone.")
    Path init;

    @Option(names = "--data", required = true, paramLabel = "FILE",
            description = "Preference pairs, JSONL or JSONL.gz: HH-RLHF {chosen, rejected} or TRL {prompt, chosen, "
                    + "rejected}.")
    Path data;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Folder for the reward model.")
    Path outDir;

    @Option(names = "--epochs", paramLabel = "N", description = "Passes over the training pairs.")
    int epochs = DEFAULTS.epochs();

    @Option(names = "--batch", paramLabel = "N", description = "Judgments per step.")
    int batch = DEFAULTS.batchSize();

    @Option(names = "--lr", paramLabel = "LR", description = "Peak learning rate (AdamW, cosine schedule).")
    double lr = DEFAULTS.optim().lr();

    @Option(names = "--centering", paramLabel = "C",
            description = "Weight of the penalty c*mean((r_w + r_l)^2) that keeps rewards near 0; 0: off.")
    double centering = 0;

    @Option(names = "--seed", paramLabel = "N", description = "Seed of the head, the shuffle and the held-out split.")
    int seed = (int) DEFAULTS.seed();

    @Override
    public Integer call() throws IOException {
        RewardConfig config = new RewardConfig(epochs, batch, Optim.of(lr), 0, centering, DEFAULTS.valFraction(), 0,
                seed);
        ReadReport<PreferencePair> read = PairReader.read(data);
        List<PreferenceGroup> groups = read.records().stream().map(PreferenceGroup::of).toList();
        try (RewardModel rm = RewardModel.initFrom(init, device(), config.seed())) {
            noteUnknown(rm.chat().tokenizer(), read.records().stream().map(AlignStage::texts).toList(), "pairs");
            try (RewardTrainer t = new RewardTrainer(rm, groups, config)) {
                RewardResult r = t.run(progress(), () -> false);
                t.save(outDir);
                result(Map.of("result", r, "skipped_identical_in_file", read.skippedIdentical(),
                        "skipped_empty_in_file", read.skippedEmpty()));
            }
        }
        return 0;
    }
}
