/*
 * The reward model on real preferences: Anthropic HH-RLHF (Bai et al. 2022) pairs, split 90/10,
 * a tiny character-level GPT pretrained on the training 90% of the dialogues (prompt and chosen
 * response, in the chat template the reward model reads; the held-out 10% is never read) as
 * backbone, then Bradley–Terry training and held-out accuracy. A yardstick, not a good reward
 * model: InstructGPT's 6B RM reached 69.6% and people agree about 73% of the time; a model of
 * this size sees the last few hundred characters and should land a little above chance.
 */
package dev.pairwise.loopdemo;

import ai.djl.Device;
import dev.pairwise.policy.align.AlignListener;
import dev.pairwise.policy.align.ChatTokens;
import dev.pairwise.policy.align.Optim;
import dev.pairwise.policy.align.Shuffle;
import dev.pairwise.policy.data.TokenDataset;
import dev.pairwise.policy.data.pairs.PairReader;
import dev.pairwise.policy.data.pairs.PreferenceGroup;
import dev.pairwise.policy.data.pairs.PreferencePair;
import dev.pairwise.policy.data.pairs.ReadReport;
import dev.pairwise.policy.data.pairs.Turn;
import dev.pairwise.policy.model.GptConfig;
import dev.pairwise.policy.model.GptModel;
import dev.pairwise.policy.tokenizer.CharTokenizer;
import dev.pairwise.policy.train.Pretrainer;
import dev.pairwise.policy.train.TrainConfig;
import dev.pairwise.rewardmodel.RewardConfig;
import dev.pairwise.rewardmodel.RewardModel;
import dev.pairwise.rewardmodel.RewardResult;
import dev.pairwise.rewardmodel.RewardTrainer;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** Trains and evaluates a reward model on HH-RLHF files (their pairs pooled, then split 90/10). */
public final class HhRewardDemo {

    /** The 90/10 split; the held-out 10% is never read by pretraining or reward training. */
    static final double VAL_FRACTION = 0.1;

    private HhRewardDemo() {
    }

    /** Held-out result, and what the reader skipped. */
    public record Result(RewardResult reward, int pairs, int skippedIdentical, int skippedEmpty) {
    }

    /**
     * @param pretrainIters steps of next-token pretraining on the training dialogues
     * @param epochs        reward-model passes over the training judgments
     * @param context       characters the backbone sees (dialogues are cut from the left)
     */
    public static Result run(List<Path> files, int pretrainIters, int epochs, int context, long seed, Device device,
            Consumer<String> log) throws IOException {
        List<PreferencePair> pairs = new ArrayList<>();
        int identical = 0;
        int empty = 0;
        for (Path file : files) {
            ReadReport<PreferencePair> read = PairReader.read(file);
            pairs.addAll(read.records());
            identical += read.skippedIdentical();
            empty += read.skippedEmpty();
        }
        StringBuilder text = new StringBuilder();
        for (PreferencePair p : pairs) {
            for (Turn t : p.prompt()) {
                text.append(t.content()).append('\n');
            }
            text.append(p.chosen()).append('\n').append(p.rejected()).append('\n');
        }
        CharTokenizer tok = CharTokenizer.train(List.of(text.toString()));
        ChatTokens chat = new ChatTokens(tok);
        GptConfig config = GptConfig.of(tok.vocabSize(), context, 2, 4, 64);
        GptModel backbone = GptModel.create(config, seed, device);
        // The backbone reads only the training 90%: the reward trainer splits the same judgments
        // with the same seed (Shuffle.split), so these are exactly its training pairs.
        int[] trainIdx = Shuffle.split(pairs.size(), VAL_FRACTION, seed)[0];
        // Pretraining text is the dialogues exactly as the reward model reads them (chat template).
        List<Integer> corpus = new ArrayList<>();
        for (int i : trainIdx) {
            PreferencePair p = pairs.get(i);
            for (int id : chat.prompt(p.prompt())) {
                corpus.add(id);
            }
            for (int id : chat.response(p.chosen())) {
                corpus.add(id);
            }
        }
        try (Pretrainer pre = new Pretrainer(backbone,
                new TokenDataset(corpus.stream().mapToInt(Integer::intValue).toArray(), tok.vocabSize(), config.contextLength(), 0.1),
                TrainConfig.of(pretrainIters, 16, 3e-3, seed))) {
            log.accept("pretrain: " + pre.run(p -> { }, () -> false).lastLoss() + " on " + trainIdx.length
                    + " training dialogues");
        } catch (RuntimeException e) {
            backbone.close();
            throw e;
        }
        List<PreferenceGroup> groups = new ArrayList<>();
        pairs.forEach(p -> groups.add(PreferenceGroup.of(p)));
        try (RewardModel rm = RewardModel.fresh(backbone, chat, seed);
                RewardTrainer trainer = new RewardTrainer(rm, groups,
                        new RewardConfig(epochs, 16, Optim.of(1e-3), 0, 0.01, VAL_FRACTION, 0, seed))) {
            RewardResult r = trainer.run((s, total, m) -> {
                if (s % 50 == 0) {
                    log.accept("  rm " + s + "/" + total + ": loss " + m.get("loss"));
                }
            }, () -> false);
            return new Result(r, pairs.size(), identical, empty);
        }
    }
}
