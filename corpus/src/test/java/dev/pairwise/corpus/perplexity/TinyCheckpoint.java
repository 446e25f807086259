package dev.pairwise.corpus.perplexity;

import ai.djl.Device;
import dev.pairwise.policy.checkpoint.Checkpoints;
import dev.pairwise.policy.data.TokenDataset;
import dev.pairwise.policy.model.GptConfig;
import dev.pairwise.policy.model.GptModel;
import dev.pairwise.policy.tokenizer.CharTokenizer;
import dev.pairwise.policy.train.Pretrainer;
import dev.pairwise.policy.train.TrainConfig;
import dev.pairwise.policy.train.TrainingListener;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** A small char-level GPT trained for a few seconds on a reference text, saved as a checkpoint folder. */
public final class TinyCheckpoint {

    /** Reference text: plain English sentences the model learns the letter statistics of. */
    public static final String REFERENCE = """
            The history of the river valley is long and full of change. Farmers settled along the banks more than
            a thousand years ago, and they learned to work with the seasonal floods that brought rich soil to their
            fields. Over the centuries small villages grew into market towns. Traders came with salt, cloth and
            tools, and the towns built bridges to carry their goods across the water. Some of those bridges still
            stand today, and visitors can walk the old paths and see how the landscape shaped the lives of the
            people who have made their homes here. The weather in the valley is mild in spring and warm in summer.
            """.repeat(6);

    private TinyCheckpoint() {
    }

    /** Trains {@code steps} steps (context 32, 2 layers, width 48) and saves into {@code dir}. */
    public static Path train(Path dir, int steps) throws IOException {
        CharTokenizer tokenizer = CharTokenizer.train(List.of(REFERENCE + "0123456789!?#@<>_/:;'\"-()[]{}*&%$+=~|"
                + "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz\n"));
        GptConfig base = GptConfig.nanogptCpu(tokenizer.vocabSize());
        GptConfig config = new GptConfig(tokenizer.vocabSize(), 32, 2, 2, 48, base.norm(), base.position(), base.mlp(),
                true, false, 0, 10000, 1e-5);
        TokenDataset data = new TokenDataset(tokenizer.encode(REFERENCE), tokenizer.vocabSize(), 32, 0.1);
        try (GptModel model = GptModel.create(config, 1, Device.cpu());
             Pretrainer trainer = new Pretrainer(model, data, TrainConfig.of(steps, 16, 1e-2, 1).withEval(0, 2))) {
            trainer.run(TrainingListener.NONE, () -> false);
            Checkpoints.saveModel(dir, model, tokenizer);
        }
        return dir;
    }
}
