package dev.pairwise.app.cli;

import dev.pairwise.policy.data.TokenDataset;
import dev.pairwise.policy.model.GptConfig;
import dev.pairwise.policy.tokenizer.CharTokenizer;
import dev.pairwise.policy.tokenizer.Corpus;
import dev.pairwise.policy.tokenizer.Tokenizer;
import dev.pairwise.policy.tokenizer.Tokenizers;
import dev.pairwise.policy.train.TrainConfig;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/**
 * The options {@code pretrain} and {@code bench-train} share: the corpus, the tokenizer, the
 * model's size and block, and the training settings (nanoGPT's defaults). Where a default depends
 * on another option, the description says how.
 */
final class PretrainOptions {

    /** Options that choose the model's size and block: a resumed run may not change them. */
    static final List<String> MODEL_OPTIONS = List.of("--preset", "--layers", "--heads", "--dim", "--context",
            "--norm", "--pos", "--mlp");

    @Option(names = "--corpus", required = true, arity = "1..*", paramLabel = "FILE",
            description = "Training text: .txt files, or .jsonl ({text} or {prompt, completion} per line); split "
                    + "90/10 into training and validation tokens.")
    List<Path> corpus;

    @Option(names = "--tokenizer", paramLabel = "DIR",
            description = "A saved tokenizer (the tokenizer command); without it, a char-level vocabulary of the "
                    + "corpus.")
    @Nullable Path tokenizer;

    @Option(names = "--char", description = "Say so explicitly: a char-level vocabulary of the corpus (the default).")
    boolean charLevel;

    @Option(names = "--preset", paramLabel = "NAME", description = "nanogpt-cpu, nanogpt-cpu-modern, gpt-small or "
            + "gpt-small-modern; or give --layers --heads --dim --context instead.")
    String preset = "nanogpt-cpu";

    @Option(names = "--layers", paramLabel = "N", description = "Transformer blocks (with --heads --dim --context).")
    @Nullable Integer layers;

    @Option(names = "--heads", paramLabel = "N", description = "Attention heads; must divide --dim.")
    @Nullable Integer heads;

    @Option(names = "--dim", paramLabel = "N", description = "Width of the residual stream.")
    @Nullable Integer dim;

    @Option(names = "--context", paramLabel = "N", description = "Tokens the model sees at once.")
    @Nullable Integer context;

    @Option(names = "--norm", paramLabel = "layer|rms",
            description = "LayerNorm or RMSNorm (default: the preset's; with --layers..., rms).")
    @Nullable String norm;

    @Option(names = "--pos", paramLabel = "learned|rope",
            description = "Learned positions or rotary (default: the preset's; with --layers..., rope).")
    @Nullable String pos;

    @Option(names = "--mlp", paramLabel = "gelu|swiglu",
            description = "GELU or SwiGLU feed-forward (default: the preset's; with --layers..., swiglu).")
    @Nullable String mlp;

    @Option(names = "--batch", paramLabel = "N",
            description = "Sequences per step (default: 12, or 16 for the gpt-small presets).")
    @Nullable Integer batch;

    @Option(names = "--lr", paramLabel = "LR", description = "Peak learning rate (AdamW, warmup then cosine).")
    double lr = 1e-3;

    @Option(names = "--min-lr", paramLabel = "LR", description = "Learning rate at the end (default: --lr / 10).")
    @Nullable Double minLr;

    @Option(names = "--warmup", paramLabel = "N", description = "Warmup steps (default: 100, or a tenth of the steps "
            + "when that is fewer).")
    @Nullable Integer warmup;

    @Option(names = "--seed", paramLabel = "N", description = "Seed of the weights and the batches.")
    long seed = 1337;

    @Option(names = "--accumulation", paramLabel = "N", description = "Micro-batches per optimizer step.")
    int accumulation = 1;

    @Option(names = "--grad-clip", paramLabel = "X", description = "Clip the gradients' global norm to this; 0: off.")
    double gradClip = 1.0;

    @Option(names = "--eval-interval", paramLabel = "N",
            description = "Steps between evaluations of train and validation loss; 0: only at the end.")
    int evalInterval = 0;

    @Option(names = "--eval-iters", paramLabel = "N", description = "Batches per evaluation.")
    int evalIters = 20;

    /** The corpus files' documents joined by newlines; errors name the file. */
    String corpusText() throws IOException {
        String text = String.join("\n", Corpus.read(corpus));
        if (text.isEmpty()) {
            throw new IllegalArgumentException("corpus is empty: " + String.join(", ",
                    corpus.stream().map(Path::toString).toList()));
        }
        return text;
    }

    /**
     * Refuses options that do not go together, before any file is read: {@code --tokenizer} with
     * {@code --char}, {@code --preset} with {@code --layers...}, some of {@code --layers --heads
     * --dim --context} without the others, and unknown {@code --norm/--pos/--mlp} values.
     */
    void check(Predicate<String> given, StageCommand command) {
        if (tokenizer != null && charLevel) {
            throw command.usage("give either --tokenizer DIR or --char, not both");
        }
        boolean custom = layers != null || heads != null || dim != null || context != null;
        if (custom && given.test("--preset")) {
            throw command.usage("give either --preset or --layers/--heads/--dim/--context, not both");
        }
        if (custom && (layers == null || heads == null || dim == null || context == null)) {
            throw command.usage("--layers, --heads, --dim and --context go together: give all four");
        }
        try {
            norm(GptConfig.Norm.RMS);
            position(GptConfig.Position.ROPE);
            mlp(GptConfig.Mlp.SWIGLU);
        } catch (IllegalArgumentException e) {
            throw command.usage(e.getMessage());
        }
    }

    /** {@code --tokenizer DIR} loads one; otherwise a character vocabulary of the text. */
    Tokenizer tokenizer(String text) throws IOException {
        return tokenizer != null ? Tokenizers.load(tokenizer) : CharTokenizer.train(List.of(text));
    }

    /**
     * The model (after {@link #check}): {@code --preset NAME}, or {@code --layers --heads --dim
     * --context} (the modern block); {@code --norm/--pos/--mlp} override either.
     */
    GptConfig model(int vocabSize) {
        GptConfig c = layers != null && heads != null && dim != null && context != null
                ? GptConfig.of(vocabSize, context, layers, heads, dim)
                : GptConfig.preset(preset, vocabSize);
        return new GptConfig(c.vocabSize(), c.contextLength(), c.layers(), c.heads(), c.width(), norm(c.norm()),
                position(c.position()), mlp(c.mlp()), c.tieEmbeddings(), c.bias(), 0, c.ropeTheta(), c.normEps());
    }

    private GptConfig.Norm norm(GptConfig.Norm fallback) {
        return norm == null ? fallback : switch (norm.toLowerCase(Locale.ROOT)) {
            case "layer", "layernorm" -> GptConfig.Norm.LAYER;
            case "rms", "rmsnorm" -> GptConfig.Norm.RMS;
            default -> throw new IllegalArgumentException("--norm must be layer or rms, got " + norm);
        };
    }

    private GptConfig.Position position(GptConfig.Position fallback) {
        return pos == null ? fallback : switch (pos.toLowerCase(Locale.ROOT)) {
            case "learned" -> GptConfig.Position.LEARNED;
            case "rope" -> GptConfig.Position.ROPE;
            default -> throw new IllegalArgumentException("--pos must be learned or rope, got " + pos);
        };
    }

    private GptConfig.Mlp mlp(GptConfig.Mlp fallback) {
        return mlp == null ? fallback : switch (mlp.toLowerCase(Locale.ROOT)) {
            case "gelu" -> GptConfig.Mlp.GELU;
            case "swiglu" -> GptConfig.Mlp.SWIGLU;
            default -> throw new IllegalArgumentException("--mlp must be gelu or swiglu, got " + mlp);
        };
    }

    /** Training settings for {@code iters} steps: the options above over nanoGPT's defaults. */
    TrainConfig training(int iters) {
        int defaultBatch = preset.toLowerCase(Locale.ROOT).startsWith("gpt-small") ? 16 : 12;
        TrainConfig base = TrainConfig.of(iters, batch != null ? batch : defaultBatch, lr, seed);
        return new TrainConfig(base.iters(), base.batchSize(), accumulation, lr, minLr != null ? minLr : lr / 10,
                warmup != null ? warmup : base.warmupIters(), base.adamW().withGradClip(gradClip), evalInterval,
                evalIters, base.seed());
    }

    /** The tokens of {@code text}, split 90/10. */
    static TokenDataset dataset(Tokenizer tokenizer, String text, GptConfig model) {
        return new TokenDataset(tokenizer.encode(text), tokenizer.vocabSize(), model.contextLength(),
                TokenDataset.DEFAULT_VAL_FRACTION);
    }
}
