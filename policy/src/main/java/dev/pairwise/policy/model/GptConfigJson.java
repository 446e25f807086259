/*
 * The model configuration as JSON (config.json in a checkpoint), with nanoGPT's field names so a
 * Python script can rebuild the model.
 */
package dev.pairwise.policy.model;

import dev.pairwise.policy.io.Json;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Reads and writes {@link GptConfig} as JSON. */
public final class GptConfigJson {

    private static final String WHERE = "config.json";
    private static final String WHERE_PREFIX = WHERE + ": ";

    private GptConfigJson() {
    }

    /** The JSON text of {@code c}. */
    public static String write(GptConfig c) {
        ObjectNode o = Json.object();
        o.put("model_type", "gpt");
        o.put("vocab_size", c.vocabSize());
        o.put("block_size", c.contextLength());
        o.put("n_layer", c.layers());
        o.put("n_head", c.heads());
        o.put("n_embd", c.width());
        o.put("norm", c.norm() == GptConfig.Norm.LAYER ? "layernorm" : "rmsnorm");
        o.put("pos", c.position() == GptConfig.Position.LEARNED ? "learned" : "rope");
        o.put("mlp", c.mlp().name().toLowerCase(Locale.ROOT));
        o.put("tie_embeddings", c.tieEmbeddings());
        o.put("bias", c.bias());
        o.put("mlp_hidden", c.hidden());
        o.put("rope_theta", c.ropeTheta());
        o.put("norm_eps", c.normEps());
        // written only when set, so the config of a plain multi-head model reads as it always did
        if (c.kvHeads() != 0) {
            o.put("n_kv_head", c.kvHeads());
        }
        if (c.qkvBias()) {
            o.put("qkv_bias", true);
        }
        RopeScaling scaling = c.ropeScaling();
        if (scaling != null) {
            ObjectNode r = Json.object();
            r.put("rope_type", scaling.kind().name().toLowerCase(Locale.ROOT));
            r.put("factor", scaling.factor());
            if (scaling.kind() == RopeScaling.Kind.LLAMA3) {
                r.put("low_freq_factor", scaling.lowFreqFactor());
                r.put("high_freq_factor", scaling.highFreqFactor());
                r.put("original_max_position_embeddings", scaling.originalContextLength());
            }
            o.set("rope_scaling", r);
        }
        return Json.pretty(o);
    }

    /**
     * Parses JSON written by {@link #write}.
     *
     * @throws IllegalArgumentException naming a missing or invalid field
     */
    public static GptConfig read(String json) {
        ObjectNode o = Json.parseObject(json, WHERE);
        String norm = string(o, "norm");
        String pos = string(o, "pos");
        String mlp = string(o, "mlp");
        GptConfig c = new GptConfig(integer(o, "vocab_size"), integer(o, "block_size"), integer(o, "n_layer"),
                integer(o, "n_head"), integer(o, "n_embd"),
                switch (norm) {
                    case "layernorm" -> GptConfig.Norm.LAYER;
                    case "rmsnorm" -> GptConfig.Norm.RMS;
                    default -> throw new IllegalArgumentException("config.json: norm must be layernorm|rmsnorm, got " + norm);
                },
                switch (pos) {
                    case "learned" -> GptConfig.Position.LEARNED;
                    case "rope" -> GptConfig.Position.ROPE;
                    default -> throw new IllegalArgumentException("config.json: pos must be learned|rope, got " + pos);
                },
                switch (mlp) {
                    case "gelu" -> GptConfig.Mlp.GELU;
                    case "swiglu" -> GptConfig.Mlp.SWIGLU;
                    case "gelu_tanh" -> GptConfig.Mlp.GELU_TANH;
                    default -> throw new IllegalArgumentException("config.json: mlp must be gelu|gelu_tanh|swiglu, got "
                            + mlp);
                },
                bool(o, "tie_embeddings"), bool(o, "bias"), integer(o, "mlp_hidden"),
                number(o, "rope_theta"), number(o, "norm_eps"),
                o.has("n_kv_head") ? integer(o, "n_kv_head") : 0, ropeScaling(o),
                o.has("qkv_bias") && bool(o, "qkv_bias"));
        // mlp_hidden is written out for Python readers; keep 0 (= default) when it is the default
        GptConfig byDefault = new GptConfig(c.vocabSize(), c.contextLength(), c.layers(), c.heads(), c.width(),
                c.norm(), c.position(), c.mlp(), c.tieEmbeddings(), c.bias(), 0, c.ropeTheta(), c.normEps(),
                c.kvHeads(), c.ropeScaling(), c.qkvBias());
        return byDefault.hidden() == c.hidden() ? byDefault : c;
    }

    private static @Nullable RopeScaling ropeScaling(JsonNode o) {
        if (!Json.present(o, "rope_scaling")) {
            return null;
        }
        JsonNode r = o.get("rope_scaling");
        if (!r.isObject()) {
            throw new IllegalArgumentException("config.json: field 'rope_scaling' must be an object");
        }
        String type = string(r, "rope_type");
        return switch (type) {
            case "linear" -> RopeScaling.linear(number(r, "factor"));
            case "llama3" -> new RopeScaling(RopeScaling.Kind.LLAMA3, number(r, "factor"), number(r, "low_freq_factor"),
                    number(r, "high_freq_factor"), integer(r, "original_max_position_embeddings"));
            default -> throw new IllegalArgumentException("config.json: rope_scaling.rope_type must be linear|llama3, got "
                    + type);
        };
    }

    private static int integer(JsonNode o, String name) {
        return Json.integer(o, name, WHERE_PREFIX);
    }

    private static double number(JsonNode o, String name) {
        return Json.number(o, name, WHERE_PREFIX);
    }

    private static boolean bool(JsonNode o, String name) {
        return Json.bool(o, name, WHERE_PREFIX);
    }

    private static String string(JsonNode o, String name) {
        return Json.string(o, name, WHERE_PREFIX);
    }
}
