/*
 * `pretrain`: the pretraining stage from the command line, nanoGPT's train.py as one command.
 * Saves a checkpoint folder at the end, every --save-every steps, and when interrupted (Ctrl-C
 * asks the loop to stop between steps, then the checkpoint is written).
 */
package dev.pairwise.policy.cli;

import ai.djl.Device;
import ai.djl.engine.Engine;
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
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/** {@code pretrain --corpus FILE... --out DIR [options]}. */
public final class PretrainCommand {

    static final String USAGE = """
            usage: pretrain --corpus FILE... --out DIR [--tokenizer DIR | --char]
                     [--preset nanogpt-cpu|nanogpt-cpu-modern|gpt-small|gpt-small-modern
                      | --layers N --heads N --dim N --context N] [--norm layer|rms] [--pos learned|rope]
                     [--mlp gelu|swiglu] [--iters 2000] [--batch 12] [--lr 1e-3] [--min-lr lr/10] [--warmup 100]
                     [--seed 1337] [--accumulation 1] [--grad-clip 1.0] [--eval-interval 0] [--eval-iters 20]
                     [--log-interval 100] [--save-every 0] [--resume CHECKPOINT_DIR]""";

    private static final Set<String> VALUED = new HashSet<>(Set.of("corpus", "out", "tokenizer", "iters", "batch",
            "lr", "min-lr", "warmup", "seed", "accumulation", "grad-clip", "eval-interval", "eval-iters",
            "log-interval", "save-every", "resume"));

    static {
        VALUED.addAll(PretrainSetup.MODEL_OPTIONS);
    }

    private PretrainCommand() {
    }

    /** Runs the command: 0 on success, 1 on bad input or failure (message on stderr), 2 on a usage error. */
    public static int run(String[] args) {
        Args a;
        try {
            a = Args.parse(args, VALUED, Set.of("char"));
            a.required("out");
        } catch (IllegalArgumentException e) {
            System.err.println("pretrain: " + e.getMessage());
            System.err.println(USAGE);
            return 2;
        }
        try {
            return pretrain(a, System.out);
        } catch (IOException | RuntimeException e) {
            System.err.println("pretrain: " + describe(e));
            return 1;
        }
    }

    static String describe(Throwable e) {
        String msg = e.getMessage();
        if (e instanceof java.nio.file.NoSuchFileException nsf) {
            return "file not found: " + nsf.getFile() + (nsf.getReason() != null ? " (" + nsf.getReason() + ")" : "");
        }
        if (e instanceof IllegalArgumentException || e instanceof java.io.IOException
                || e instanceof UncheckedIOException || e instanceof ArithmeticException) {
            return msg == null ? e.getClass().getSimpleName() : msg;
        }
        // unexpected: keep the type so the report is useful
        return e.getClass().getName() + (msg == null ? "" : ": " + msg);
    }

    private static int pretrain(Args a, PrintStream out) throws IOException {
        Path outDir = Path.of(a.required("out"));
        int logInterval = a.integer("log-interval", 100);
        int saveEvery = a.integer("save-every", 0);
        Device device = Engine.getEngine("PyTorch").defaultDevice();
        String text = PretrainSetup.corpus(a.list("corpus"));
        Tokenizer tokenizer;
        GptModel model;
        TrainConfig train;
        Path resume = a.has("resume") ? Path.of(a.required("resume")) : null;
        if (resume != null) {
            for (String o : PretrainSetup.MODEL_OPTIONS) {
                if (a.has(o)) {
                    throw new IllegalArgumentException("--" + o + " cannot change a resumed model");
                }
            }
            tokenizer = Tokenizers.load(resume);
            TrainConfig saved = Checkpoints.trainConfig(resume);
            train = a.has("iters") ? saved.withIters(a.integer("iters", null)) : saved;
            model = Checkpoints.loadModel(resume, device);
        } else {
            tokenizer = PretrainSetup.tokenizer(a, text);
            GptConfig config = PretrainSetup.model(a, tokenizer.vocabSize());
            train = PretrainSetup.training(a, 2000);
            model = GptModel.create(config, train.seed(), device);
        }
        try (model) {
            TokenDataset data = PretrainSetup.dataset(tokenizer, text, model.config());
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
                    TrainResult result = trainer.run(listener(out, trainer, tokenizer, outDir, logInterval, saveEvery),
                            cancel::get);
                    Checkpoints.save(outDir, trainer, tokenizer);
                    out.printf("pretrain: %s at step %d; %,.0f tokens/s, %.1f ms/step (median); checkpoint %s%n",
                            result.cancelled() ? "stopped" : "done", result.stepsDone(), result.tokensPerSecond(),
                            result.msPerStepMedian(), outDir);
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

    private static TrainingListener listener(PrintStream out, Pretrainer trainer, Tokenizer tokenizer, Path outDir,
                                             int logInterval, int saveEvery) {
        return new TrainingListener() {
            @Override
            public void onStep(TrainingProgress p) {
                if (logInterval > 0 && (p.step() % logInterval == 0 || p.step() == 1 || p.step() == p.totalSteps())) {
                    out.printf("step %d/%d loss %.4f lr %.2e grad-norm %.3f %,.0f tokens/s eta %ds%n", p.step(),
                            p.totalSteps(), p.loss(), p.lr(), p.gradNorm(), p.tokensPerSecond(), p.eta().toSeconds());
                }
                if (saveEvery > 0 && p.step() % saveEvery == 0 && p.step() < p.totalSteps()) {
                    try {
                        Checkpoints.save(outDir, trainer, tokenizer);
                    } catch (IOException e) {
                        throw new UncheckedIOException("cannot save checkpoint to " + outDir + ": " + e.getMessage(), e);
                    }
                }
            }

            @Override
            public void onEval(EvalResult e) {
                out.printf("eval step %d: train loss %.4f, val loss %.4f%n", e.step(), e.trainLoss(), e.valLoss());
            }
        };
    }
}
