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

    private static final Json.Fields FIELDS = new Json.Fields("config.json: ");

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
        ObjectNode o = Json.parseObject(json, "config.json");
        String norm = FIELDS.string(o, "norm");
        String pos = FIELDS.string(o, "pos");
        String mlp = FIELDS.string(o, "mlp");
        GptConfig c = new GptConfig(FIELDS.integer(o, "vocab_size"), FIELDS.integer(o, "block_size"),
                FIELDS.integer(o, "n_layer"), FIELDS.integer(o, "n_head"), FIELDS.integer(o, "n_embd"),
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
                FIELDS.bool(o, "tie_embeddings"), FIELDS.bool(o, "bias"), FIELDS.integer(o, "mlp_hidden"),
                FIELDS.number(o, "rope_theta"), FIELDS.number(o, "norm_eps"),
                o.has("n_kv_head") ? FIELDS.integer(o, "n_kv_head") : 0, ropeScaling(o),
                o.has("qkv_bias") && FIELDS.bool(o, "qkv_bias"));
        // mlp_hidden is written out for Python readers; keep 0 (= default) when it is the default
        GptConfig byDefault = new GptConfig(c.vocabSize(), c.contextLength(), c.layers(), c.heads(), c.width(),
                c.norm(), c.position(), c.mlp(), c.tieEmbeddings(), c.bias(), 0, c.ropeTheta(), c.normEps(),
                c.kvHeads(), c.ropeScaling(), c.qkvBias());
        return byDefault.hidden() == c.hidden() ? byDefault : c;
    }

    private static @Nullable RopeScaling ropeScaling(JsonNode o) {
        if (!FIELDS.present(o, "rope_scaling")) {
            return null;
        }
        JsonNode r = o.get("rope_scaling");
        if (!r.isObject()) {
            throw new IllegalArgumentException("config.json: field 'rope_scaling' must be an object");
        }
        String type = FIELDS.string(r, "rope_type");
        return switch (type) {
            case "linear" -> RopeScaling.linear(FIELDS.number(r, "factor"));
            case "llama3" -> new RopeScaling(RopeScaling.Kind.LLAMA3, FIELDS.number(r, "factor"),
                    FIELDS.number(r, "low_freq_factor"), FIELDS.number(r, "high_freq_factor"),
                    FIELDS.integer(r, "original_max_position_embeddings"));
            default -> throw new IllegalArgumentException("config.json: rope_scaling.rope_type must be linear|llama3, got "
                    + type);
        };
    }




}
