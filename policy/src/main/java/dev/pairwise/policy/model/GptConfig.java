/*
 * Sizes and architectural switches of the decoder-only GPT (Radford et al. 2019, on the
 * Transformer of Vaswani et al. 2017). The switches let one class run nanoGPT's configuration
 * as it is (LayerNorm, learned absolute positions, GELU) and the "modern" block (RMSNorm of
 * Zhang & Sennrich 2019, rotary positions of Su et al. 2021, SwiGLU of Shazeer 2020).
 */
package dev.pairwise.policy.model;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Model configuration, validated on construction. Field meanings follow nanoGPT's
 * {@code GPTConfig} ({@code n_layer, n_head, n_embd, block_size, vocab_size, bias}); the JSON
 * form written into checkpoints ({@link GptConfigJson}) uses those names.
 *
 * @param vocabSize     number of token ids (tokenizer's {@code vocabSize()})
 * @param contextLength longest sequence the model sees ({@code block_size}); sets the position
 *                      tables and the causal mask
 * @param layers        number of transformer blocks ({@code n_layer})
 * @param heads         attention heads per block ({@code n_head}); must divide {@code width}
 * @param width         model width ({@code n_embd})
 * @param norm          LayerNorm (GPT-2) or RMSNorm
 * @param position      learned absolute position table (GPT-2) or rotary embedding on q and k
 * @param mlp           GELU MLP with hidden 4·width (GPT-2) or SwiGLU with hidden ≈ 8/3·width
 * @param tieEmbeddings use the token embedding as the output projection (GPT-2, nanoGPT)
 * @param bias          biases in linear layers and LayerNorm (GPT-2 yes; nanoGPT default no)
 * @param mlpHidden     hidden width of the MLP; 0 means the default of {@code mlp}
 * @param ropeTheta     RoPE base frequency; 10000 as in Su et al. and LLaMA
 * @param normEps       epsilon inside the norms; 1e-5 as PyTorch's LayerNorm default
 * @param kvHeads       key/value heads (grouped-query attention, Ainslie et al. 2023: each group of
 *                      {@code heads / kvHeads} query heads shares one key and value head, as
 *                      Llama 2 70B, Llama 3, Mistral and Qwen2 do); 0 means {@code heads}, plain
 *                      multi-head attention
 * @param ropeScaling   how the rotary frequencies are stretched for long contexts (Hugging Face's
 *                      {@code rope_scaling}); null for none
 * @param qkvBias       a bias on the query/key/value projection even without {@code bias} (Qwen2
 *                      keeps one there and nowhere else)
 */
public record GptConfig(
        int vocabSize,
        int contextLength,
        int layers,
        int heads,
        int width,
        Norm norm,
        Position position,
        Mlp mlp,
        boolean tieEmbeddings,
        boolean bias,
        int mlpHidden,
        double ropeTheta,
        double normEps,
        int kvHeads,
        @Nullable RopeScaling ropeScaling,
        boolean qkvBias) {

    /** Normalisation before attention and MLP (pre-norm blocks). */
    public enum Norm { LAYER, RMS }

    /** How positions enter the model. */
    public enum Position { LEARNED, ROPE }

    /**
     * Feed-forward block: GELU (exact, erf; nanoGPT's nn.GELU), GELU_TANH (the tanh approximation
     * GPT-2 was trained with, transformers' "gelu_new") or SwiGLU.
     */
    public enum Mlp { GELU, SWIGLU, GELU_TANH }

    /** Validates every field; the message names the field and the rule it breaks. */
    public GptConfig {
        positive("vocabSize", vocabSize);
        positive("contextLength", contextLength);
        positive("layers", layers);
        positive("heads", heads);
        positive("width", width);
        if (norm == null || position == null || mlp == null) {
            throw new IllegalArgumentException("norm, position and mlp must be set");
        }
        if (width % heads != 0) {
            throw new IllegalArgumentException("heads (" + heads + ") must divide width (" + width + ")");
        }
        if (position == Position.ROPE && (width / heads) % 2 != 0) {
            throw new IllegalArgumentException("RoPE needs an even head size, got width/heads = " + width / heads);
        }
        if (mlpHidden < 0) {
            throw new IllegalArgumentException("mlpHidden must be >= 0 (0 = default), got " + mlpHidden);
        }
        if (!(ropeTheta > 1)) {
            throw new IllegalArgumentException("ropeTheta must be > 1, got " + ropeTheta);
        }
        if (!(normEps > 0 && normEps < 1)) {
            throw new IllegalArgumentException("normEps must be in (0, 1), got " + normEps);
        }
        if (kvHeads < 0 || kvHeads > 0 && heads % kvHeads != 0) {
            throw new IllegalArgumentException("kvHeads (" + kvHeads + ") must divide heads (" + heads
                    + "), or be 0 for one key/value head per query head");
        }
        if (ropeScaling != null && position != Position.ROPE) {
            throw new IllegalArgumentException("ropeScaling needs rotary positions, got position " + position);
        }
    }

    /** A configuration with plain multi-head attention and unscaled rotary frequencies. */
    public GptConfig(int vocabSize, int contextLength, int layers, int heads, int width, Norm norm, Position position,
                     Mlp mlp, boolean tieEmbeddings, boolean bias, int mlpHidden, double ropeTheta, double normEps) {
        this(vocabSize, contextLength, layers, heads, width, norm, position, mlp, tieEmbeddings, bias, mlpHidden,
                ropeTheta, normEps, 0, null, false);
    }

    /** Key/value heads: {@code kvHeads} when set, otherwise {@code heads}. */
    public int keyValueHeads() {
        return kvHeads == 0 ? heads : kvHeads;
    }

    /** Size of one attention head. */
    public int headSize() {
        return width / heads;
    }

    /**
     * Hidden width of the MLP: {@code mlpHidden} when set, otherwise 4·width for GELU (GPT-2)
     * and round(8·width/3) rounded up to a multiple of 32 for SwiGLU, which keeps the parameter
     * count of the 4·width GELU MLP (Shazeer 2020) and matches the PyTorch peer.
     */
    public int hidden() {
        if (mlpHidden > 0) {
            return mlpHidden;
        }
        if (mlp != Mlp.SWIGLU) {
            return 4 * width;
        }
        int h = (int) Math.round(8.0 * width / 3.0);
        return (h + 31) / 32 * 32;
    }

    /** A copy with another vocabulary size (presets are chosen before the tokenizer is known). */
    public GptConfig withVocabSize(int newVocabSize) {
        return new GptConfig(newVocabSize, contextLength, layers, heads, width, norm, position, mlp,
                tieEmbeddings, bias, mlpHidden, ropeTheta, normEps, kvHeads, ropeScaling, qkvBias);
    }

    /** A copy with another context length. */
    public GptConfig withContextLength(int newContextLength) {
        return new GptConfig(vocabSize, newContextLength, layers, heads, width, norm, position, mlp,
                tieEmbeddings, bias, mlpHidden, ropeTheta, normEps, kvHeads, ropeScaling, qkvBias);
    }

    /** A copy with the modern block: RMSNorm, RoPE, SwiGLU (the peer's config B). */
    public GptConfig modern() {
        return new GptConfig(vocabSize, contextLength, layers, heads, width, Norm.RMS, Position.ROPE, Mlp.SWIGLU,
                tieEmbeddings, bias, 0, ropeTheta, normEps, kvHeads, ropeScaling, qkvBias);
    }

    /**
     * nanoGPT's CPU Shakespeare-char run: 4 layers, 4 heads, width 128, context 64, LayerNorm,
     * learned positions, GELU, tied embeddings, no biases (nanoGPT's default {@code bias=False}).
     */
    public static GptConfig nanogptCpu(int vocabSize) {
        return new GptConfig(vocabSize, 64, 4, 4, 128, Norm.LAYER, Position.LEARNED, Mlp.GELU,
                true, false, 0, 10000, 1e-5);
    }

    /** nanoGPT's GPU Shakespeare size (6 layers, 6 heads, width 384, context 256) with the same switches. */
    public static GptConfig gptSmall(int vocabSize) {
        return new GptConfig(vocabSize, 256, 6, 6, 384, Norm.LAYER, Position.LEARNED, Mlp.GELU,
                true, false, 0, 10000, 1e-5);
    }

    /** A custom size with the modern block (RMSNorm, RoPE, SwiGLU), tied embeddings, no biases. */
    public static GptConfig of(int vocabSize, int contextLength, int layers, int heads, int width) {
        return new GptConfig(vocabSize, contextLength, layers, heads, width, Norm.RMS, Position.ROPE, Mlp.SWIGLU,
                true, false, 0, 10000, 1e-5);
    }

    /**
     * A preset by name: {@code nanogpt-cpu}, {@code nanogpt-cpu-modern}, {@code gpt-small},
     * {@code gpt-small-modern}.
     *
     * @throws IllegalArgumentException naming the unknown preset and the known ones
     */
    public static GptConfig preset(String name, int vocabSize) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "nanogpt-cpu" -> nanogptCpu(vocabSize);
            case "nanogpt-cpu-modern" -> nanogptCpu(vocabSize).modern();
            case "gpt-small" -> gptSmall(vocabSize);
            case "gpt-small-modern" -> gptSmall(vocabSize).modern();
            default -> throw new IllegalArgumentException("unknown preset '" + name
                    + "' (known: nanogpt-cpu, nanogpt-cpu-modern, gpt-small, gpt-small-modern)");
        };
    }

    private static void positive(String field, int value) {
        if (value <= 0) {
            throw new IllegalArgumentException(field + " must be > 0, got " + value);
        }
    }
}
