/*
 * The fields of a Hugging Face config.json that fix a Llama-family forward pass, with the
 * defaults of transformers' LlamaConfig/MistralConfig where a field may be absent. Anything that
 * would change the computation in a way GptModel does not reproduce (attention or MLP biases,
 * another activation, a head size other than hidden/heads, dynamic or YaRN rope scaling, QK norms)
 * is refused here, before a tensor is read.
 */
package dev.pairwise.policy.hf;

import dev.pairwise.policy.io.Json;
import dev.pairwise.policy.model.GptConfig;
import dev.pairwise.policy.model.RopeScaling;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/** Reads a Hugging Face {@code config.json} of a Llama-family (Llama, Mistral, Qwen2) or GPT-2 model into a {@link GptConfig}. */
public final class HfConfig {

    private static final Json.Fields FIELDS = new Json.Fields("config.json: ");

    /** {@code model_type} values this importer maps (Mistral adds a sliding window to Llama, Qwen2 q/k/v biases). */
    static final Set<String> MODEL_TYPES = Set.of("llama", "mistral", "qwen2", "gpt2");
    /** {@code architectures} entries this importer maps. */
    static final Set<String> ARCHITECTURES = Set.of("LlamaForCausalLM", "MistralForCausalLM", "Qwen2ForCausalLM",
            "GPT2LMHeadModel");

    private HfConfig() {
    }

    /**
     * The model configuration of {@code json}, its context length the smaller of the config's
     * {@code max_position_embeddings} (GPT-2: {@code n_positions}), Mistral's {@code sliding_window} (attention within the
     * window equals full attention) and {@code maxContext} (the causal mask is context² floats).
     *
     * @throws IllegalArgumentException naming the unsupported architecture, the missing or
     *                                  invalid field, or the feature this model cannot reproduce
     */
    public static GptConfig read(String json, int maxContext) {
        JsonNode o = Json.parseObject(json, "config.json");
        if (checkArchitecture(o)) {
            return gpt2(o, maxContext);
        }
        boolean qwen2 = FIELDS.present(o, "model_type") ? FIELDS.string(o, "model_type").equals("qwen2")
                : o.get("architectures").toString().contains("Qwen2ForCausalLM");
        int hidden = FIELDS.integer(o, "hidden_size");
        int heads = FIELDS.integer(o, "num_attention_heads");
        int kvHeads = FIELDS.present(o, "num_key_value_heads") ? FIELDS.integer(o, "num_key_value_heads") : heads;
        if (heads <= 0 || hidden % heads != 0) {
            throw new IllegalArgumentException("config.json: num_attention_heads (" + heads
                    + ") must divide hidden_size (" + hidden + ")");
        }
        if (kvHeads <= 0 || heads % kvHeads != 0) {
            throw new IllegalArgumentException("config.json: num_key_value_heads (" + kvHeads
                    + ") must divide num_attention_heads (" + heads + ")");
        }
        if (FIELDS.present(o, "head_dim") && FIELDS.integer(o, "head_dim") != hidden / heads) {
            throw new IllegalArgumentException("config.json: head_dim " + FIELDS.integer(o, "head_dim")
                    + " differs from hidden_size/num_attention_heads = " + hidden / heads + "; not supported");
        }
        String act = FIELDS.present(o, "hidden_act") ? FIELDS.string(o, "hidden_act") : "silu";
        if (!act.equals("silu")) {
            throw new IllegalArgumentException("config.json: hidden_act '" + act + "' is not supported (only silu, SwiGLU)");
        }
        for (String bias : List.of("attention_bias", "mlp_bias")) {
            if (FIELDS.present(o, bias) && FIELDS.bool(o, bias)) {
                throw new IllegalArgumentException("config.json: " + bias + " = true is not supported (no biases in "
                        + "the Llama block here)");
            }
        }
        int context = Math.min(FIELDS.integer(o, "max_position_embeddings"), maxContext);
        // Qwen2 declares a window but applies it only with use_sliding_window (default false)
        boolean windowed = !qwen2 || FIELDS.present(o, "use_sliding_window") && FIELDS.bool(o, "use_sliding_window");
        if (windowed && FIELDS.present(o, "sliding_window")) {
            context = Math.min(context, FIELDS.integer(o, "sliding_window"));
        }
        double theta = FIELDS.present(o, "rope_theta") ? FIELDS.number(o, "rope_theta") : 10000.0;
        double eps = FIELDS.present(o, "rms_norm_eps") ? FIELDS.number(o, "rms_norm_eps") : 1e-6;
        boolean tied = FIELDS.present(o, "tie_word_embeddings") && FIELDS.bool(o, "tie_word_embeddings");
        return new GptConfig(FIELDS.integer(o, "vocab_size"), context, FIELDS.integer(o, "num_hidden_layers"), heads, hidden,
                GptConfig.Norm.RMS, GptConfig.Position.ROPE, GptConfig.Mlp.SWIGLU, tied, false,
                FIELDS.integer(o, "intermediate_size"), theta, eps, kvHeads == heads ? 0 : kvHeads, ropeScaling(o), qwen2);
    }

    /**
     * GPT-2 (transformers' GPT2Config and its defaults): LayerNorm with biases, learned positions,
     * GELU (tanh form for "gelu_new"), biases in every linear layer, tied head unless said otherwise.
     */
    private static GptConfig gpt2(JsonNode o, int maxContext) {
        int width = FIELDS.present(o, "n_embd") ? FIELDS.integer(o, "n_embd") : 768;
        int heads = FIELDS.present(o, "n_head") ? FIELDS.integer(o, "n_head") : 12;
        if (heads <= 0 || width % heads != 0) {
            throw new IllegalArgumentException("config.json: n_head (" + heads + ") must divide n_embd (" + width + ")");
        }
        String act = FIELDS.present(o, "activation_function") ? FIELDS.string(o, "activation_function") : "gelu_new";
        GptConfig.Mlp mlp = switch (act) {
            case "gelu_new", "gelu_pytorch_tanh" -> GptConfig.Mlp.GELU_TANH;
            case "gelu" -> GptConfig.Mlp.GELU;
            default -> throw new IllegalArgumentException("config.json: activation_function '" + act
                    + "' is not supported (gelu_new, gelu_pytorch_tanh, gelu)");
        };
        if (FIELDS.present(o, "scale_attn_weights") && !FIELDS.bool(o, "scale_attn_weights")) {
            throw new IllegalArgumentException("config.json: scale_attn_weights = false is not supported");
        }
        for (String flag : List.of("scale_attn_by_inverse_layer_idx", "add_cross_attention")) {
            if (FIELDS.present(o, flag) && FIELDS.bool(o, flag)) {
                throw new IllegalArgumentException("config.json: " + flag + " = true is not supported");
            }
        }
        int positions = FIELDS.present(o, "n_positions") ? FIELDS.integer(o, "n_positions") : 1024;
        double eps = FIELDS.present(o, "layer_norm_epsilon") ? FIELDS.number(o, "layer_norm_epsilon") : 1e-5;
        boolean tied = !FIELDS.present(o, "tie_word_embeddings") || FIELDS.bool(o, "tie_word_embeddings");
        int inner = FIELDS.present(o, "n_inner") ? FIELDS.integer(o, "n_inner") : 4 * width;
        return new GptConfig(FIELDS.present(o, "vocab_size") ? FIELDS.integer(o, "vocab_size") : 50257,
                Math.min(positions, maxContext), FIELDS.present(o, "n_layer") ? FIELDS.integer(o, "n_layer") : 12,
                heads, width, GptConfig.Norm.LAYER, GptConfig.Position.LEARNED, mlp, tied, true, inner, 10000, eps, 0,
                null, false);
    }

    /** Refuses what is neither Llama-family nor GPT-2; true for GPT-2. */
    private static boolean checkArchitecture(JsonNode o) {
        String type = FIELDS.present(o, "model_type") ? FIELDS.string(o, "model_type") : null;
        List<String> architectures = new ArrayList<>();
        if (FIELDS.present(o, "architectures")) {
            JsonNode a = o.get("architectures");
            if (!a.isArray()) {
                throw new IllegalArgumentException("config.json: architectures must be a list");
            }
            a.forEach(e -> architectures.add(e.isValueNode() ? e.asString() : e.toString()));
        }
        String supported = "supported: architectures " + new java.util.TreeSet<>(ARCHITECTURES) + ", model_type "
                + new java.util.TreeSet<>(MODEL_TYPES);
        if (type == null && architectures.isEmpty()) {
            throw new IllegalArgumentException("config.json names neither model_type nor architectures; " + supported);
        }
        if (type != null && !MODEL_TYPES.contains(type)) {
            throw new IllegalArgumentException("config.json: model_type '" + type + "' is not supported; " + supported);
        }
        for (String arch : architectures) {
            if (!ARCHITECTURES.contains(arch)) {
                throw new IllegalArgumentException("config.json: architecture '" + arch + "' is not supported; "
                        + supported);
            }
        }
        boolean gpt2 = type != null ? type.equals("gpt2") : architectures.contains("GPT2LMHeadModel");
        if (gpt2 != architectures.stream().allMatch(a -> a.equals("GPT2LMHeadModel")) && !architectures.isEmpty()) {
            throw new IllegalArgumentException("config.json: model_type '" + type + "' does not match architectures "
                    + architectures);
        }
        return gpt2;
    }

    private static @Nullable RopeScaling ropeScaling(JsonNode o) {
        if (!FIELDS.present(o, "rope_scaling")) {
            return null;
        }
        JsonNode r = o.get("rope_scaling");
        if (!r.isObject()) {
            throw new IllegalArgumentException("config.json: rope_scaling must be an object or null");
        }
        // transformers reads "rope_type", and "type" in older configs
        String type = FIELDS.present(r, "rope_type") ? FIELDS.string(r, "rope_type")
                : FIELDS.present(r, "type") ? FIELDS.string(r, "type") : null;
        if (type == null) {
            throw new IllegalArgumentException("config.json: rope_scaling names no rope_type");
        }
        return switch (type.toLowerCase(Locale.ROOT)) {
            case "default" -> null;
            case "linear" -> RopeScaling.linear(FIELDS.number(r, "factor"));
            case "llama3" -> new RopeScaling(RopeScaling.Kind.LLAMA3, FIELDS.number(r, "factor"),
                    FIELDS.number(r, "low_freq_factor"), FIELDS.number(r, "high_freq_factor"),
                    FIELDS.integer(r, "original_max_position_embeddings"));
            default -> throw new IllegalArgumentException("config.json: rope_scaling type '" + type
                    + "' is not supported (supported: default, linear, llama3)");
        };
    }




}
