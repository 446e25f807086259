/*
 * `bench-train`: the training-speed yardstick against the PyTorch peer
 * (shared/bench/pytorch-peer/gpt_train.py), measured the same way: every step (batch, forward,
 * backward, clip, optimizer) timed, the first 10 steps and all evaluation excluded; tokens/s =
 * timed steps · batch · context / their total time; final loss = mean over 20 random batches per
 * split. Prints one JSON line.
 */
package dev.pairwise.app.cli;

import ai.djl.Device;
import dev.pairwise.policy.data.TokenDataset;
import dev.pairwise.policy.io.Json;
import dev.pairwise.policy.model.GptConfig;
import dev.pairwise.policy.model.GptModel;
import dev.pairwise.policy.tokenizer.Tokenizer;
import dev.pairwise.policy.train.Pretrainer;
import dev.pairwise.policy.train.TrainConfig;
import dev.pairwise.policy.train.TrainResult;
import dev.pairwise.policy.train.TrainingListener;
import java.io.IOException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Help.Visibility;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import tools.jackson.databind.node.ObjectNode;

/** {@code bench-train --preset nanogpt-cpu|gpt-small --corpus FILE --iters N}. */
@Command(name = "bench-train", description = {
        "Training speed and loss of a GPT configuration, as one JSON line.",
        "Measured as the PyTorch peer measures it: params, tokens/s, ms/step, train and val loss."})
final class BenchTrainCommand extends StageCommand {

    @Option(names = "--iters", required = true, paramLabel = "N", showDefaultValue = Visibility.NEVER,
            description = "Steps to run; the first " + Pretrainer.TIMING_WARMUP + " are not timed.")
    int iters;

    @Mixin
    PretrainOptions options;

    @Override
    public Integer call() throws IOException {
        if (iters <= Pretrainer.TIMING_WARMUP) {
            throw usage("--iters must exceed the " + Pretrainer.TIMING_WARMUP + " untimed warmup steps, got " + iters);
        }
        options.check(this::given, this);
        Device device = DjlRuntime.defaultDevice();
        err().println(DjlRuntime.describe(device));
        String text = options.corpusText();
        Tokenizer tokenizer = options.tokenizer(text);
        GptConfig config = options.model(tokenizer.vocabSize());
        TrainConfig train = options.training(iters);
        TokenDataset data = PretrainOptions.dataset(tokenizer, text, config);
        long wall0 = System.nanoTime();
        try (GptModel model = GptModel.create(config, train.seed(), device);
             Pretrainer trainer = new Pretrainer(model, data, train)) {
            TrainResult r = trainer.run(TrainingListener.NONE, () -> false);
            ObjectNode o = Json.object();
            o.put("script", "pairwise bench-train");
            o.put("preset", options.preset);
            o.put("params", model.parameterCount());
            o.put("layers", config.layers());
            o.put("heads", config.heads());
            o.put("width", config.width());
            o.put("context", config.contextLength());
            o.put("vocab", config.vocabSize());
            o.put("norm", config.norm().name());
            o.put("pos", config.position().name());
            o.put("mlp", config.mlp().name());
            o.put("batch", train.batchSize());
            o.put("iters", train.iters());
            o.put("seed", train.seed());
            o.put("threads", Integer.getInteger("ai.djl.pytorch.num_threads", -1));
            o.put("tokens_per_s", r.tokensPerSecond());
            o.put("ms_per_step", r.msPerStepMedian());
            o.put("ms_per_step_mean", 1000.0 * train.batchSize() * train.accumulation()
                    * config.contextLength() / r.tokensPerSecond());
            o.put("timed_steps", train.iters() - Pretrainer.TIMING_WARMUP);
            o.put("train_loss", r.finalEval() == null ? Double.NaN : r.finalEval().trainLoss());
            o.put("val_loss", r.finalEval() == null ? Double.NaN : r.finalEval().valLoss());
            o.put("last_step_loss", r.lastLoss());
            o.put("wall_s", (System.nanoTime() - wall0) / 1e9);
            out().println(Json.compact(o));
        }
        return 0;
    }
}
