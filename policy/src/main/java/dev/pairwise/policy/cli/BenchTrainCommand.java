/*
 * `bench-train`: the training-speed yardstick against the PyTorch peer
 * (shared/bench/pytorch-peer/gpt_train.py), measured the same way: every step (batch, forward,
 * backward, clip, optimizer) timed, the first 10 steps and all evaluation excluded; tokens/s =
 * timed steps · batch · context / their total time; final loss = mean over 20 random batches per
 * split. Prints one JSON line.
 */
package dev.pairwise.policy.cli;

import ai.djl.Device;
import ai.djl.engine.Engine;
import com.google.gson.JsonObject;
import dev.pairwise.policy.data.TokenDataset;
import dev.pairwise.policy.model.GptConfig;
import dev.pairwise.policy.model.GptModel;
import dev.pairwise.policy.tokenizer.Tokenizer;
import dev.pairwise.policy.train.Pretrainer;
import dev.pairwise.policy.train.TrainConfig;
import dev.pairwise.policy.train.TrainResult;
import dev.pairwise.policy.train.TrainingListener;
import java.io.IOException;
import java.io.PrintStream;
import java.util.HashSet;
import java.util.Set;

/** {@code bench-train --preset nanogpt-cpu|gpt-small --corpus FILE --iters N}. */
public final class BenchTrainCommand {

    static final String USAGE = "usage: bench-train --preset nanogpt-cpu|nanogpt-cpu-modern|gpt-small|gpt-small-modern"
            + " --corpus FILE... --iters N [--batch B] [--lr 1e-3] [--seed 1337] [--eval-iters 20]"
            + " [--tokenizer DIR | --char] [--norm --pos --mlp]";

    private static final Set<String> VALUED = new HashSet<>(Set.of("corpus", "tokenizer", "iters", "batch", "lr",
            "min-lr", "warmup", "seed", "accumulation", "grad-clip", "eval-interval", "eval-iters"));

    static {
        VALUED.addAll(PretrainSetup.MODEL_OPTIONS);
    }

    private BenchTrainCommand() {
    }

    /** Runs the benchmark: 0 on success, 1 on bad input or failure, 2 on a usage error. */
    public static int run(String[] args) {
        Args a;
        try {
            a = Args.parse(args, VALUED, Set.of("char"));
            a.integer("iters", null);
        } catch (IllegalArgumentException e) {
            System.err.println("bench-train: " + e.getMessage());
            System.err.println(USAGE);
            return 2;
        }
        try {
            return bench(a, System.out);
        } catch (IOException | RuntimeException e) {
            System.err.println("bench-train: " + PretrainCommand.describe(e));
            return 1;
        }
    }

    private static int bench(Args a, PrintStream out) throws IOException {
        String text = PretrainSetup.corpus(a.list("corpus"));
        Tokenizer tokenizer = PretrainSetup.tokenizer(a, text);
        GptConfig config = PretrainSetup.model(a, tokenizer.vocabSize());
        TrainConfig train = PretrainSetup.training(a, a.integer("iters", null));
        if (train.iters() <= Pretrainer.TIMING_WARMUP) {
            throw new IllegalArgumentException("--iters must exceed the " + Pretrainer.TIMING_WARMUP
                    + " untimed warmup steps, got " + train.iters());
        }
        TokenDataset data = PretrainSetup.dataset(tokenizer, text, config);
        Device device = Engine.getEngine("PyTorch").defaultDevice();
        long wall0 = System.nanoTime();
        try (GptModel model = GptModel.create(config, train.seed(), device);
             Pretrainer trainer = new Pretrainer(model, data, train)) {
            TrainResult r = trainer.run(TrainingListener.NONE, () -> false);
            JsonObject o = new JsonObject();
            o.addProperty("script", "pairwise bench-train");
            o.addProperty("preset", PretrainSetup.presetName(a));
            o.addProperty("params", model.parameterCount());
            o.addProperty("layers", config.layers());
            o.addProperty("heads", config.heads());
            o.addProperty("width", config.width());
            o.addProperty("context", config.contextLength());
            o.addProperty("vocab", config.vocabSize());
            o.addProperty("norm", config.norm().name());
            o.addProperty("pos", config.position().name());
            o.addProperty("mlp", config.mlp().name());
            o.addProperty("batch", train.batchSize());
            o.addProperty("iters", train.iters());
            o.addProperty("seed", train.seed());
            o.addProperty("threads", Integer.getInteger("ai.djl.pytorch.num_threads", -1));
            o.addProperty("tokens_per_s", r.tokensPerSecond());
            o.addProperty("ms_per_step", r.msPerStepMedian());
            o.addProperty("ms_per_step_mean", 1000.0 * train.batchSize() * train.accumulation()
                    * config.contextLength() / r.tokensPerSecond());
            o.addProperty("timed_steps", train.iters() - Pretrainer.TIMING_WARMUP);
            o.addProperty("train_loss", r.finalEval() == null ? Double.NaN : r.finalEval().trainLoss());
            o.addProperty("val_loss", r.finalEval() == null ? Double.NaN : r.finalEval().valLoss());
            o.addProperty("last_step_loss", r.lastLoss());
            o.addProperty("wall_s", (System.nanoTime() - wall0) / 1e9);
            out.println(o);
        }
        return 0;
    }
}
