/*
 * The model configuration as JSON (config.json in a checkpoint), with nanoGPT's field names so a
 * Python script can rebuild the model.
 */
package dev.pairwise.policy.model;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** Reads and writes {@link GptConfig} as JSON. */
public final class GptConfigJson {

    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().create();

    private GptConfigJson() {
    }

    /** The JSON text of {@code c}. */
    public static String write(GptConfig c) {
        JsonObject o = new JsonObject();
        o.addProperty("model_type", "gpt");
        o.addProperty("vocab_size", c.vocabSize());
        o.addProperty("block_size", c.contextLength());
        o.addProperty("n_layer", c.layers());
        o.addProperty("n_head", c.heads());
        o.addProperty("n_embd", c.width());
        o.addProperty("norm", c.norm() == GptConfig.Norm.LAYER ? "layernorm" : "rmsnorm");
        o.addProperty("pos", c.position() == GptConfig.Position.LEARNED ? "learned" : "rope");
        o.addProperty("mlp", c.mlp().name().toLowerCase(Locale.ROOT));
        o.addProperty("tie_embeddings", c.tieEmbeddings());
        o.addProperty("bias", c.bias());
        o.addProperty("mlp_hidden", c.hidden());
        o.addProperty("rope_theta", c.ropeTheta());
        o.addProperty("norm_eps", c.normEps());
        // written only when set, so the config of a plain multi-head model reads as it always did
        if (c.kvHeads() != 0) {
            o.addProperty("n_kv_head", c.kvHeads());
        }
        if (c.qkvBias()) {
            o.addProperty("qkv_bias", true);
        }
        RopeScaling scaling = c.ropeScaling();
        if (scaling != null) {
            JsonObject r = new JsonObject();
            r.addProperty("rope_type", scaling.kind().name().toLowerCase(Locale.ROOT));
            r.addProperty("factor", scaling.factor());
            if (scaling.kind() == RopeScaling.Kind.LLAMA3) {
                r.addProperty("low_freq_factor", scaling.lowFreqFactor());
                r.addProperty("high_freq_factor", scaling.highFreqFactor());
                r.addProperty("original_max_position_embeddings", scaling.originalContextLength());
            }
            o.add("rope_scaling", r);
        }
        return GSON.toJson(o);
    }

    /**
     * Parses JSON written by {@link #write}.
     *
     * @throws IllegalArgumentException naming a missing or invalid field
     */
    public static GptConfig read(String json) {
        JsonObject o;
        try {
            o = JsonParser.parseString(json).getAsJsonObject();
        } catch (JsonParseException | IllegalStateException e) {
            throw new IllegalArgumentException("config.json is not a JSON object: " + e.getMessage(), e);
        }
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

    private static @Nullable RopeScaling ropeScaling(JsonObject o) {
        com.google.gson.JsonElement e = o.get("rope_scaling");
        if (e == null || e.isJsonNull()) {
            return null;
        }
        if (!e.isJsonObject()) {
            throw new IllegalArgumentException("config.json: field 'rope_scaling' must be an object");
        }
        JsonObject r = e.getAsJsonObject();
        String type = string(r, "rope_type");
        return switch (type) {
            case "linear" -> RopeScaling.linear(number(r, "factor"));
            case "llama3" -> new RopeScaling(RopeScaling.Kind.LLAMA3, number(r, "factor"), number(r, "low_freq_factor"),
                    number(r, "high_freq_factor"), integer(r, "original_max_position_embeddings"));
            default -> throw new IllegalArgumentException("config.json: rope_scaling.rope_type must be linear|llama3, got "
                    + type);
        };
    }

    private static com.google.gson.JsonElement field(JsonObject o, String name) {
        com.google.gson.JsonElement e = o.get(name);
        if (e == null || e.isJsonNull()) {
            throw new IllegalArgumentException("config.json: missing field '" + name + "'");
        }
        return e;
    }

    private static int integer(JsonObject o, String name) {
        try {
            return field(o, name).getAsInt();
        } catch (NumberFormatException | UnsupportedOperationException | IllegalStateException e) {
            throw new IllegalArgumentException("config.json: field '" + name + "' must be an integer", e);
        }
    }

    private static double number(JsonObject o, String name) {
        try {
            return field(o, name).getAsDouble();
        } catch (NumberFormatException | UnsupportedOperationException | IllegalStateException e) {
            throw new IllegalArgumentException("config.json: field '" + name + "' must be a number", e);
        }
    }

    private static boolean bool(JsonObject o, String name) {
        com.google.gson.JsonElement e = field(o, name);
        if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isBoolean()) {
            throw new IllegalArgumentException("config.json: field '" + name + "' must be true or false");
        }
        return e.getAsBoolean();
    }

    private static String string(JsonObject o, String name) {
        com.google.gson.JsonElement e = field(o, name);
        if (!e.isJsonPrimitive()) {
            throw new IllegalArgumentException("config.json: field '" + name + "' must be a string");
        }
        return e.getAsString();
    }
}
