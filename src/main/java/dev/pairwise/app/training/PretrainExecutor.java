package dev.pairwise.app.training;

import ai.djl.Device;
import dev.pairwise.app.corpora.CorpusStore;
import dev.pairwise.app.jobs.JobContext;
import dev.pairwise.app.jobs.JobType;
import dev.pairwise.app.jobs.config.ConfigField;
import dev.pairwise.app.jobs.config.JobSettings;
import dev.pairwise.app.registry.CheckpointKind;
import dev.pairwise.labeling.InvalidInputException;
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
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * PRETRAIN: nanoGPT's training loop ({@link Pretrainer}) on an uploaded corpus encoded with a
 * registered tokenizer, from scratch or continued from a base model. Saves a resume point every
 * {@code checkpointEvery} steps and when stopped, and resumes from it exactly after a restart;
 * registers the final folder (weights, config, tokenizer, optimizer state) as a BASE checkpoint.
 */
@Component
class PretrainExecutor extends TrainerExecutor {

    /** "tiny" is this app's default size; the others are the policy library's presets. */
    static final List<String> PRESETS = List.of("tiny", "nanogpt-cpu", "nanogpt-cpu-modern", "gpt-small",
            "gpt-small-modern");
    /** Batches per split in an evaluation: enough for a steady number on a small corpus (nanoGPT: 20). */
    static final int EVAL_ITERS = 10;

    static final List<ConfigField> FIELDS = ResumePoint.withResumeAndSeed(List.of(
            ConfigField.corpus("corpus", "Corpus", "The uploaded text to train on (90% train, 10% held out)."),
            ConfigField.checkpoint("tokenizerCheckpoint", "Tokenizer", List.of(CheckpointKind.TOKENIZER), true,
                    "The tokenizer that encodes the corpus; its vocabulary sets the model's."),
            ConfigField.checkpoint("baseCheckpoint", "Continue from", List.of(CheckpointKind.BASE), false,
                    "Optional: continue pretraining a base model (its size wins over the preset) instead of starting from random weights."),
            ConfigField.choice("preset", "Model size", PRESETS,
                    "tiny: 2 layers, width 64, context 128 (seconds on a CPU); nanogpt-cpu: nanoGPT's CPU run (4 layers, width 128, context 64); gpt-small: 6 layers, width 384, context 256 (a GPU). -modern: RMSNorm, RoPE, SwiGLU."),
            ConfigField.integer("steps", "Steps", 200, 1, 1_000_000,
                    "Optimizer steps; 200 shows the loss falling on the demo corpus in seconds, nanoGPT's CPU run takes 2000."),
            ConfigField.integer("batchSize", "Batch size", 8, 1, 512,
                    "Sequences per step; 8 fits a 2-core CPU (nanoGPT's CPU run uses 12)."),
            ConfigField.number("learningRate", "Learning rate", 1e-3, 1e-6, 0.1,
                    "Peak AdamW rate, then cosine decay to a tenth; 1e-3 as nanoGPT for small models."),
            ConfigField.integer("warmupSteps", "Warmup steps", 20, 0, 1_000_000,
                    "Linear warmup before the cosine decay; a tenth of the default steps (nanoGPT: 100 of 5000). At most the steps."),
            ConfigField.integer("evalEvery", "Evaluate every", 100, 0, 1_000_000,
                    "Steps between held-out losses (val_loss); 0 evaluates only at the end.")),
            100, "Steps", 1337, "Seeds the weights and every batch; 1337 as nanoGPT.");

    private final Inputs inputs;
    private final CorpusStore corpora;

    PretrainExecutor(Inputs inputs) {
        super(JobType.PRETRAIN, FIELDS, CheckpointKind.BASE);
        this.inputs = inputs;
        this.corpora = inputs.corpora();
    }

    @Override
    public List<Long> prepare(JobSettings s) {
        if (s.integer("warmupSteps") > s.integer("steps")) {
            throw new InvalidInputException("config.warmupSteps", "warmupSteps (" + s.integer("warmupSteps")
                    + ") must not exceed steps (" + s.integer("steps") + ")");
        }
        Path corpus = corpora.resolve("config.corpus", s.text("corpus"));
        if (s.id("baseCheckpoint") == null) {
            refuseShort(corpus, model(s.choice("preset"), 1).contextLength());
        }
        return List.of();
    }

    /**
     * Refuses a corpus that cannot fill one window in each of the 90/10 parts, whatever the
     * tokenizer: a token covers at least one byte, so the file's size bounds the token count.
     */
    static void refuseShort(Path corpus, int context) {
        long bytes;
        try {
            bytes = Files.size(corpus);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        long need = 10L * (context + 2) - 10;
        if (bytes < need) {
            throw new InvalidInputException("config.corpus", "The corpus (" + bytes + " bytes) is too short for a "
                    + context + "-token context: the held-out tenth alone needs " + (context + 2) + " tokens; upload at least "
                    + need + " bytes or choose a smaller model");
        }
    }

    /** The model shape of a preset for a vocabulary. */
    static GptConfig model(String preset, int vocabSize) {
        return preset.equals("tiny") ? GptConfig.of(vocabSize, 128, 2, 4, 64) : GptConfig.preset(preset, vocabSize);
    }

    static TrainConfig training(JobSettings s) {
        return TrainConfig.of(s.integer("steps"), s.integer("batchSize"), s.number("learningRate"), s.longValue("seed"))
                .withWarmup(s.integer("warmupSteps")).withEval(s.integer("evalEvery"), EVAL_ITERS);
    }

    @Override
    Training open(JobContext ctx, @Nullable Path resume, Opened opened) throws IOException {
        JobSettings s = ctx.settings();
        String text = String.join("\n", corpora.texts("config.corpus", s.text("corpus")));
        Device device = ctx.device();
        long tokenizerId = s.requiredId("tokenizerCheckpoint");
        Long baseId = s.id("baseCheckpoint");
        Tokenizer tokenizer;
        TrainConfig train;
        GptModel model;
        if (resume != null) {
            tokenizer = Tokenizers.load(resume);
            train = Checkpoints.trainConfig(resume);
            model = opened.add(Checkpoints.loadModel(resume, device));
        } else {
            tokenizer = Tokenizers.load(inputs.folder(tokenizerId));
            train = training(s);
            model = opened.add(baseId == null ? GptModel.create(model(s.choice("preset"), tokenizer.vocabSize()), train.seed(), device)
                    : Checkpoints.loadModel(inputs.folder(baseId), device));
        }
        TokenDataset data = new TokenDataset(tokenizer.encode(text), tokenizer.vocabSize(),
                model.config().contextLength(), TokenDataset.DEFAULT_VAL_FRACTION);
        Pretrainer trainer = opened.add(new Pretrainer(model, data, train));
        GptConfig c = model.config();
        return new Training(baseId != null ? baseId : tokenizerId, dir -> Checkpoints.restore(dir, trainer),
                dir -> Checkpoints.save(dir, trainer, tokenizer),
                () -> String.format(Locale.ROOT,
                        "%,d parameters (L%d H%d d%d T%d), vocab %d, %,d train / %,d val tokens, %d steps of %d x %d tokens, from step %d",
                        model.parameterCount(), c.layers(), c.heads(), c.width(), c.contextLength(), c.vocabSize(),
                        data.trainTokens(), data.valTokens(), train.iters(), train.batchSize(), c.contextLength(),
                        trainer.step()),
                (reporter, cancelled) -> {
                    TrainResult result = trainer.run(listener(reporter), cancelled);
                    return new Outcome(result.cancelled(), result.stepsDone(), () -> {
                        Map<String, Number> headline = headline(result.stepsDone(), result.lastLoss());
                        if (result.finalEval() != null) {
                            headline.put("val_loss", result.finalEval().valLoss());
                        }
                        headline.put("tokens_per_s", result.tokensPerSecond());
                        headline.put("parameters", model.parameterCount());
                        return headline;
                    });
                });
    }

    /** Pretraining's progress records as the reporter's named metrics. */
    private static TrainingListener listener(Reporter reporter) {
        return new TrainingListener() {
            @Override
            public void onStep(TrainingProgress p) {
                Map<String, Double> m = new LinkedHashMap<>();
                m.put("loss", p.loss());
                m.put("lr", p.lr());
                m.put("grad_norm", p.gradNorm());
                m.put("tokens_per_s", p.tokensPerSecond());
                reporter.onStep(p.step(), p.totalSteps(), m);
            }

            @Override
            public void onEval(EvalResult e) {
                reporter.onEval(e.step(), Map.of("val_loss", e.valLoss(), "train_loss", e.trainLoss()));
            }
        };
    }
}
