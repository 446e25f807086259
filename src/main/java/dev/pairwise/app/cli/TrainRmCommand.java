package dev.pairwise.app.cli;

import dev.pairwise.policy.align.Optim;
import dev.pairwise.policy.data.pairs.PairReader;
import dev.pairwise.policy.data.pairs.PreferenceGroup;
import dev.pairwise.policy.data.pairs.PreferencePair;
import dev.pairwise.policy.data.pairs.ReadReport;
import dev.pairwise.rewardmodel.BertRewardModel;
import dev.pairwise.rewardmodel.GptRewardModel;
import dev.pairwise.rewardmodel.RewardConfig;
import dev.pairwise.rewardmodel.RewardMetrics;
import dev.pairwise.rewardmodel.RewardModel;
import dev.pairwise.rewardmodel.RewardResult;
import dev.pairwise.rewardmodel.RewardTrainer;
import dev.pairwise.rewardmodel.bert.MiniLm;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Help.Visibility;
import picocli.CommandLine.Option;

/**
 * {@code train-rm}: a Bradley–Terry reward model on preference pairs, on the pretrained
 * all-MiniLM-L6-v2 (the default) or on a policy checkpoint's GPT.
 */
@Command(name = "train-rm", description = {
        "Trains a Bradley-Terry reward model on preference pairs.",
        "Pairs as HH-RLHF or TRL JSONL; the backbone is the pretrained all-MiniLM-L6-v2 (default) or a policy "
                + "checkpoint's GPT (--backbone gpt --init DIR); saves it with its held-out accuracy."})
final class TrainRmCommand extends AlignStage {

    private static final RewardConfig GPT = RewardConfig.defaults();
    private static final RewardConfig MINILM = RewardConfig.pretrainedRecipe();

    @Option(names = "--backbone", paramLabel = "NAME",
            description = "all-minilm-l6-v2 (pretrained BERT, 22.7M parameters) or gpt (the GPT of --init).")
    String backbone = MiniLm.NAME;

    @Option(names = "--init", paramLabel = "DIR",
            description = "Policy checkpoint (SFT or base) whose GPT becomes the backbone; --backbone gpt only.")
    @Nullable Path init;

    @Option(names = "--data", required = true, split = ",", paramLabel = "FILE",
            description = "Preference pairs, JSONL or JSONL.gz: HH-RLHF {chosen, rejected} or TRL {prompt, chosen, "
                    + "rejected}; several files (comma-separated) are pooled.")
    List<Path> data;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Folder for the reward model.")
    Path outDir;

    @Option(names = "--epochs", paramLabel = "N", showDefaultValue = Visibility.NEVER,
            description = "Passes over the training pairs. Default: 1.")
    @Nullable Integer epochs;

    @Option(names = "--batch", paramLabel = "N", showDefaultValue = Visibility.NEVER,
            description = "Judgments per step. Default: 16 (MiniLM), 8 (gpt).")
    @Nullable Integer batch;

    @Option(names = "--lr", paramLabel = "LR", showDefaultValue = Visibility.NEVER,
            description = "Peak learning rate (AdamW, cosine schedule). Default: 1e-4.")
    @Nullable Double lr;

    @Option(names = "--max-length", paramLabel = "N", showDefaultValue = Visibility.NEVER,
            description = "Tokens of prompt + response read, the dialogue cut from the left. Default: 128 (MiniLM, "
                    + "at most 512), 0 = the context (gpt).")
    @Nullable Integer maxLength;

    @Option(names = "--max-pairs", paramLabel = "N", showDefaultValue = Visibility.NEVER,
            description = "Training judgments used at most, a seeded random subset; 0: all. Default: 1200 (MiniLM), "
                    + "0 (gpt).")
    @Nullable Integer maxPairs;

    @Option(names = "--frozen-layers", paramLabel = "K",
            description = "MiniLM: the embeddings and the lowest K of its 6 blocks stay as pretrained; 0 trains all.")
    int frozenLayers = BertRewardModel.DEFAULT_FROZEN_LAYERS;

    @Option(names = "--val-fraction", paramLabel = "F", description = "Share of the judgments held out for the accuracy.")
    double valFraction = GPT.valFraction();

    @Option(names = "--centering", paramLabel = "C",
            description = "Weight of the penalty c*mean((r_w + r_l)^2) that keeps rewards near 0; 0: off.")
    double centering = 0;

    @Option(names = "--seed", paramLabel = "N", description = "Seed of the head, the shuffle and the held-out split.")
    int seed = (int) GPT.seed();

    @Override
    public Integer call() throws IOException {
        boolean gpt = switch (backbone) {
            case GptRewardModel.BACKBONE -> true;
            case MiniLm.NAME -> false;
            default -> throw usage("--backbone must be " + MiniLm.NAME + " or " + GptRewardModel.BACKBONE + ", got '"
                    + backbone + "'");
        };
        if (gpt && init == null) {
            throw usage("--backbone gpt needs --init DIR (a policy checkpoint)");
        }
        if (!gpt && init != null) {
            throw usage("--init is for --backbone gpt; " + MiniLm.NAME + " starts from its pretrained weights");
        }
        if (gpt && given("--frozen-layers")) {
            throw usage("--frozen-layers is for --backbone " + MiniLm.NAME);
        }
        RewardConfig base = gpt ? GPT : MINILM;
        RewardConfig config = new RewardConfig(or(epochs, base.epochs()), or(batch, base.batchSize()),
                Optim.of(lr == null ? base.optim().lr() : lr), or(maxLength, base.maxLength()), centering, valFraction,
                0, seed, or(maxPairs, base.maxTrainJudgments()));
        List<PreferencePair> pairs = new ArrayList<>();
        int identical = 0;
        int empty = 0;
        for (Path file : data) {
            ReadReport<PreferencePair> read = PairReader.read(file);
            pairs.addAll(read.records());
            identical += read.skippedIdentical();
            empty += read.skippedEmpty();
        }
        List<PreferenceGroup> groups = pairs.stream().map(PreferenceGroup::of).toList();
        long t0 = System.nanoTime();
        try (RewardModel rm = gpt ? GptRewardModel.initFrom(init, device(), config.seed())
                : BertRewardModel.pretrained(device(), config.seed(), config.maxLength(), frozenLayers)) {
            if (rm instanceof GptRewardModel g) {
                noteUnknown(g.chat().tokenizer(), pairs.stream().map(AlignStage::texts).toList(), "pairs");
            }
            try (RewardTrainer t = new RewardTrainer(rm, groups, config)) {
                err().println("train-rm: " + rm.backboneName() + " on " + t.trainJudgments() + " training pairs of "
                        + pairs.size() + ", " + t.totalSteps() + " steps");
                RewardResult r = t.run(progress(), () -> false);
                t.save(outDir);
                Map<String, Object> out = new LinkedHashMap<>();
                // without a held-out split its metrics are NaN, which JSON cannot carry
                out.put("result", r.heldOut().pairs() > 0 ? r : Map.of("steps", r.steps(), "trainLoss", r.trainLoss(),
                        "cancelled", r.cancelled(), "skippedIdentical", r.skippedIdentical(), "truncated", r.truncated()));
                out.put("backbone", rm.backboneName());
                out.put("train_pairs", t.trainJudgments());
                if (r.heldOut().pairs() > 0) {
                    double[] ci = r.heldOut().ci95();
                    out.put("held_out_ci95_low", ci[0]);
                    out.put("held_out_ci95_high", ci[1]);
                    RewardMetrics longer = t.heldOutLongerWins();
                    out.put("held_out_longer_wins_accuracy", longer.accuracy());
                }
                out.put("seconds", Math.round((System.nanoTime() - t0) / 1e9));
                out.put("skipped_identical_in_file", identical);
                out.put("skipped_empty_in_file", empty);
                result(out);
            }
        }
        return 0;
    }

    private static int or(@Nullable Integer value, int otherwise) {
        return value == null ? otherwise : value;
    }
}
