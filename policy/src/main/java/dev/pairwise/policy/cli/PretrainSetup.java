/*
 * What `pretrain` and `bench-train` share: reading the corpus, choosing the tokenizer and the
 * model size from options, turning the text into a split token stream.
 */
package dev.pairwise.policy.cli;

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

/** Option handling shared by the pretraining commands. */
final class PretrainSetup {

    /** Options that choose the model's size and block. */
    static final List<String> MODEL_OPTIONS = List.of("preset", "layers", "heads", "dim", "context", "norm", "pos",
            "mlp");

    private PretrainSetup() {
    }

    /** The corpus files' documents joined by newlines; errors name the file. */
    static String corpus(List<String> files) throws IOException {
        if (files.isEmpty()) {
            throw new IllegalArgumentException("missing --corpus FILE...");
        }
        List<String> docs = Corpus.read(files.stream().map(Path::of).toList());
        String text = String.join("\n", docs);
        if (text.isEmpty()) {
            throw new IllegalArgumentException("corpus is empty: " + String.join(", ", files));
        }
        return text;
    }

    /** {@code --tokenizer DIR} loads one; otherwise (or with {@code --char}) a character vocabulary of the text. */
    static Tokenizer tokenizer(Args a, String text) throws IOException {
        if (a.has("tokenizer") && a.flag("char")) {
            throw new IllegalArgumentException("give either --tokenizer DIR or --char, not both");
        }
        if (a.has("tokenizer")) {
            return Tokenizers.load(Path.of(a.required("tokenizer")));
        }
        return CharTokenizer.train(List.of(text));
    }

    /**
     * The model config: {@code --preset NAME} (default nanogpt-cpu), or {@code --layers --heads
     * --dim --context} (all four; the modern block unless {@code --norm/--pos/--mlp} say
     * otherwise). {@code --norm layer|rms}, {@code --pos learned|rope}, {@code --mlp gelu|swiglu}
     * override either.
     */
    static GptConfig model(Args a, int vocabSize) {
        boolean custom = a.has("layers") || a.has("heads") || a.has("dim") || a.has("context");
        if (custom && a.has("preset")) {
            throw new IllegalArgumentException("give either --preset or --layers/--heads/--dim/--context, not both");
        }
        GptConfig c;
        if (custom) {
            c = GptConfig.of(vocabSize, a.integer("context", null), a.integer("layers", null), a.integer("heads", null),
                    a.integer("dim", null));
        } else {
            c = GptConfig.preset(presetName(a), vocabSize);
        }
        GptConfig.Norm norm = a.has("norm") ? switch (a.required("norm").toLowerCase(Locale.ROOT)) {
            case "layer", "layernorm" -> GptConfig.Norm.LAYER;
            case "rms", "rmsnorm" -> GptConfig.Norm.RMS;
            default -> throw new IllegalArgumentException("--norm must be layer or rms, got " + a.required("norm"));
        } : c.norm();
        GptConfig.Position pos = a.has("pos") ? switch (a.required("pos").toLowerCase(Locale.ROOT)) {
            case "learned" -> GptConfig.Position.LEARNED;
            case "rope" -> GptConfig.Position.ROPE;
            default -> throw new IllegalArgumentException("--pos must be learned or rope, got " + a.required("pos"));
        } : c.position();
        GptConfig.Mlp mlp = a.has("mlp") ? switch (a.required("mlp").toLowerCase(Locale.ROOT)) {
            case "gelu" -> GptConfig.Mlp.GELU;
            case "swiglu" -> GptConfig.Mlp.SWIGLU;
            default -> throw new IllegalArgumentException("--mlp must be gelu or swiglu, got " + a.required("mlp"));
        } : c.mlp();
        return new GptConfig(c.vocabSize(), c.contextLength(), c.layers(), c.heads(), c.width(), norm, pos, mlp,
                c.tieEmbeddings(), c.bias(), 0, c.ropeTheta(), c.normEps());
    }

    static String presetName(Args a) {
        return a.has("preset") ? a.required("preset") : "nanogpt-cpu";
    }

    /**
     * Training settings: nanoGPT's defaults, the preset's batch (12 for nanogpt-cpu, 16 for
     * gpt-small) and learning rate 1e-3, overridden by {@code --iters --batch --lr --seed
     * --accumulation --warmup --eval-interval --eval-iters}.
     */
    static TrainConfig training(Args a, int defaultIters) {
        int defaultBatch = presetName(a).toLowerCase(Locale.ROOT).startsWith("gpt-small") ? 16 : 12;
        TrainConfig base = TrainConfig.of(a.integer("iters", defaultIters), a.integer("batch", defaultBatch),
                a.decimal("lr", 1e-3), a.longValue("seed", 1337L));
        double lr = base.lr();
        return new TrainConfig(base.iters(), base.batchSize(), a.integer("accumulation", 1), lr,
                a.decimal("min-lr", lr / 10), a.integer("warmup", base.warmupIters()), base.weightDecay(),
                base.beta1(), base.beta2(), base.eps(), a.decimal("grad-clip", base.gradClip()),
                a.integer("eval-interval", 0), a.integer("eval-iters", 20), base.seed());
    }

    /** The tokens of {@code text}, split 90/10. */
    static TokenDataset dataset(Tokenizer tokenizer, String text, GptConfig model) {
        return new TokenDataset(tokenizer.encode(text), tokenizer.vocabSize(), model.contextLength(),
                TokenDataset.DEFAULT_VAL_FRACTION);
    }
}
