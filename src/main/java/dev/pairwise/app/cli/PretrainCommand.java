/*
 * `pretrain`: the pretraining stage from the command line, nanoGPT's train.py as one command.
 * Saves a checkpoint folder at the end, every --save-every steps, and when interrupted (Ctrl-C
 * asks the loop to stop between steps, then the checkpoint is written).
 */
package dev.pairwise.app.cli;

import ai.djl.Device;
import dev.pairwise.policy.checkpoint.Checkpoints;
import dev.pairwise.policy.data.TokenDataset;
import dev.pairwise.policy.model.GptConfig;
import dev.pairwise.policy.model.GptModel;
import dev.pairwise.policy.tokenizer.Tokenizer;
import dev.pairwise.policy.tokenizer.Tokenizers;
import dev.pairwise.policy.train.EvalResult;
import dev.pairwise.policy.train.Pretrainer;
import dev.pairwise.policy.train.TrainConfig;
import dev.pairwise.policy.train.TrainResult;
import dev.pairwise.policy.train.TrainingListener;
import dev.pairwise.policy.train.TrainingProgress;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code pretrain --corpus FILE... --out DIR [options]}. */
@Command(name = "pretrain", description = {
        "Pretrains a GPT on text; checkpoints that resume exactly.",
        "nanoGPT's train.py as one command: saves a checkpoint at the end, every --save-every steps and on Ctrl-C."})
final class PretrainCommand extends StageCommand {

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Folder for the checkpoint.")
    Path outDir;

    @Option(names = "--iters", paramLabel = "N", description = "Optimizer steps (with --resume: the new total).")
    int iters = 2000;

    @Mixin
    PretrainOptions options;

    @Option(names = "--log-interval", paramLabel = "N", description = "Steps between progress lines; 0: none.")
    int logInterval = 100;

    @Option(names = "--save-every", paramLabel = "N", description = "Steps between checkpoints; 0: only at the end.")
    int saveEvery = 0;

    @Option(names = "--resume", paramLabel = "DIR",
            description = "Continue the run saved in this checkpoint, with its model, tokenizer and settings.")
    @Nullable Path resume;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = out();
        if (resume != null) {
            for (String o : PretrainOptions.MODEL_OPTIONS) {
                if (given(o)) {
                    throw usage(o + " cannot change a resumed model");
                }
            }
        }
        options.check(this::given, this);
        Device device = DjlRuntime.defaultDevice();
        err().println(DjlRuntime.describe(device));
        String text = options.corpusText();
        Tokenizer tokenizer;
        GptModel model;
        TrainConfig train;
        if (resume != null) {
            tokenizer = Tokenizers.load(resume);
            TrainConfig saved = Checkpoints.trainConfig(resume);
            train = given("--iters") ? saved.withIters(iters) : saved;
            model = Checkpoints.loadModel(resume, device);
        } else {
            tokenizer = options.tokenizer(text);
            GptConfig config = options.model(tokenizer.vocabSize());
            train = options.training(iters);
            model = GptModel.create(config, train.seed(), device);
        }
        if (resume != null || options.tokenizer != null) {
            UnknownCharacters unknown = UnknownCharacters.count(tokenizer, List.of(List.of(text)));
            if (unknown.characters() > 0) {
                err().println("pretrain: the corpus has " + unknown.characters() + " characters outside the "
                        + "tokenizer's vocabulary (most often " + String.join(", ", unknown.top())
                        + "); they read as its unknown-character id");
            }
        }
        try (model) {
            TokenDataset data = PretrainOptions.dataset(tokenizer, text, model.config());
            try (Pretrainer trainer = new Pretrainer(model, data, train)) {
                if (resume != null) {
                    Checkpoints.restore(resume, trainer);
                }
                GptConfig c = model.config();
                out.printf("pretrain: %,d parameters (L%d H%d d%d T%d %s/%s/%s), vocab %d, %,d train / %,d val tokens,"
                                + " %d steps of %d x %d tokens, from step %d%n",
                        model.parameterCount(), c.layers(), c.heads(), c.width(), c.contextLength(), c.norm(),
                        c.position(), c.mlp(), c.vocabSize(), data.trainTokens(), data.valTokens(), train.iters(),
                        train.batchSize() * train.accumulation(), c.contextLength(), trainer.step());
                out.flush();
                AtomicBoolean cancel = new AtomicBoolean();
                CountDownLatch done = new CountDownLatch(1);
                Thread hook = new Thread(() -> {
                    cancel.set(true);
                    try {
                        done.await(120, TimeUnit.SECONDS);
                    } catch (InterruptedException ignored) {
                        Thread.currentThread().interrupt();
                    }
                });
                Runtime.getRuntime().addShutdownHook(hook);
                try {
                    TrainResult result = trainer.run(listener(out, trainer, tokenizer), cancel::get);
                    Checkpoints.save(outDir, trainer, tokenizer);
                    out.printf("pretrain: %s at step %d; %,.0f tokens/s, %.1f ms/step (median); checkpoint %s%n",
                            result.cancelled() ? "stopped" : "done", result.stepsDone(), result.tokensPerSecond(),
                            result.msPerStepMedian(), outDir);
                    out.flush();
                } finally {
                    done.countDown();
                    try {
                        Runtime.getRuntime().removeShutdownHook(hook);
                    } catch (IllegalStateException shuttingDown) {
                        // the JVM is already exiting: the hook has run and waits on `done`
                    }
                }
            }
        }
        return 0;
    }

    private TrainingListener listener(PrintWriter out, Pretrainer trainer, Tokenizer tokenizer) {
        return new TrainingListener() {
            @Override
            public void onStep(TrainingProgress p) {
                if (logInterval > 0 && (p.step() % logInterval == 0 || p.step() == 1 || p.step() == p.totalSteps())) {
                    out.printf("step %d/%d loss %.4f lr %.2e grad-norm %.3f %,.0f tokens/s eta %ds%n", p.step(),
                            p.totalSteps(), p.loss(), p.lr(), p.gradNorm(), p.tokensPerSecond(), p.eta().toSeconds());
                    out.flush();
                }
                if (saveEvery > 0 && p.step() % saveEvery == 0 && p.step() < p.totalSteps()) {
                    try {
                        Checkpoints.save(outDir, trainer, tokenizer);
                    } catch (IOException e) {
                        throw new UncheckedIOException("cannot save checkpoint to " + outDir + ": "
                                + e.getMessage(), e);
                    }
                }
            }

            @Override
            public void onEval(EvalResult e) {
                out.printf("eval step %d: train loss %.4f, val loss %.4f%n", e.step(), e.trainLoss(), e.valLoss());
                out.flush();
            }
        };
    }
}
