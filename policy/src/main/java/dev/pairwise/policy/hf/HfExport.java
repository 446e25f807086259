/*
 * Our checkpoints out in Hugging Face layout, the inverse of HfImport: the modern block (RMSNorm,
 * RoPE, SwiGLU, no biases) as LlamaForCausalLM (Qwen2ForCausalLM with q/k/v biases), the GPT-2
 * block (LayerNorm, learned positions, GELU) as GPT2LMHeadModel with Conv1D's (in, out) weights
 * and zero biases where ours has none. Mixed blocks (say RMSNorm with learned positions) have no
 * Hugging Face architecture and are refused.
 */
package dev.pairwise.policy.hf;

import dev.pairwise.policy.checkpoint.Checkpoints;
import dev.pairwise.policy.device.Devices;
import dev.pairwise.policy.io.Json;
import dev.pairwise.policy.io.Safetensors;
import dev.pairwise.policy.io.TensorData;
import dev.pairwise.policy.model.GptConfig;
import dev.pairwise.policy.model.GptModel;
import dev.pairwise.policy.model.RopeScaling;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.node.ObjectNode;

/** Writes a checkpoint of ours as a Hugging Face model folder ({@code config.json}, {@code model.safetensors}, F32). */
public final class HfExport {

    private HfExport() {
    }

    /**
     * Exports the checkpoint {@code checkpoint} into the folder {@code out}; returns the
     * architecture written. The tokenizer files of {@link HfImport#TOKENIZER_FILES} are copied.
     *
     * @throws IllegalArgumentException when the model has no Hugging Face architecture
     */
    public static String export(Path checkpoint, Path out) throws IOException {
        try (GptModel model = Checkpoints.loadModel(checkpoint, Devices.host())) {
            GptConfig c = model.config();
            Map<String, TensorData> ours = new LinkedHashMap<>();
            model.parameters().forEach((name, array) -> ours.put(name, TensorData.fromNDArray(array)));
            ObjectNode config;
            Map<String, TensorData> tensors;
            if (c.norm() == GptConfig.Norm.RMS && c.position() == GptConfig.Position.ROPE
                    && c.mlp() == GptConfig.Mlp.SWIGLU && !c.bias()) {
                config = llamaConfig(c);
                tensors = llamaTensors(c, ours);
            } else if (c.norm() == GptConfig.Norm.LAYER && c.position() == GptConfig.Position.LEARNED
                    && c.mlp() != GptConfig.Mlp.SWIGLU && c.keyValueHeads() == c.heads() && !c.qkvBias()) {
                config = gpt2Config(c);
                tensors = gpt2Tensors(c, ours);
            } else {
                throw new IllegalArgumentException(checkpoint + ": a model with norm " + c.norm() + ", position "
                        + c.position() + ", mlp " + c.mlp() + ", bias " + c.bias() + " has no Hugging Face "
                        + "architecture (Llama needs RMS, ROPE, SWIGLU without biases; GPT-2 LAYER, LEARNED, GELU)");
            }
            Files.createDirectories(out);
            Safetensors.write(out.resolve(HfTensors.SINGLE), tensors, Map.of("format", "pt"));
            Files.writeString(out.resolve("config.json"), Json.prettyWithNulls(config));
            for (String name : HfImport.TOKENIZER_FILES) {
                Path file = checkpoint.resolve(name);
                if (Files.isRegularFile(file)) {
                    Files.copy(file, out.resolve(name), StandardCopyOption.REPLACE_EXISTING);
                }
            }
            return config.get("architectures").get(0).stringValue();
        }
    }

    private static ObjectNode llamaConfig(GptConfig c) {
        ObjectNode o = Json.object();
        String arch = c.qkvBias() ? "Qwen2ForCausalLM" : "LlamaForCausalLM";
        o.putArray("architectures").add(arch);
        o.put("model_type", c.qkvBias() ? "qwen2" : "llama");
        o.put("hidden_size", c.width());
        o.put("intermediate_size", c.hidden());
        o.put("num_hidden_layers", c.layers());
        o.put("num_attention_heads", c.heads());
        o.put("num_key_value_heads", c.keyValueHeads());
        o.put("vocab_size", c.vocabSize());
        o.put("max_position_embeddings", c.contextLength());
        o.put("rms_norm_eps", c.normEps());
        o.put("rope_theta", c.ropeTheta());
        RopeScaling s = c.ropeScaling();
        if (s == null) {
            o.putNull("rope_scaling");
        } else {
            ObjectNode r = Json.object();
            r.put("rope_type", s.kind().name().toLowerCase(Locale.ROOT));
            r.put("factor", s.factor());
            if (s.kind() == RopeScaling.Kind.LLAMA3) {
                r.put("low_freq_factor", s.lowFreqFactor());
                r.put("high_freq_factor", s.highFreqFactor());
                r.put("original_max_position_embeddings", s.originalContextLength());
            }
            o.set("rope_scaling", r);
        }
        o.put("tie_word_embeddings", c.tieEmbeddings());
        o.put("hidden_act", "silu");
        if (!c.qkvBias()) {
            o.put("attention_bias", false);
            o.put("mlp_bias", false);
        }
        o.put("torch_dtype", "float32");
        return o;
    }

    private static Map<String, TensorData> llamaTensors(GptConfig c, Map<String, TensorData> ours) {
        long d = c.width();
        long kv = (long) c.keyValueHeads() * c.headSize();
        Map<String, TensorData> t = new LinkedHashMap<>();
        t.put("model.embed_tokens.weight", ours.get("transformer.wte.weight"));
        for (int i = 0; i < c.layers(); i++) {
            String h = "model.layers." + i + ".";
            String p = "transformer.h." + i + ".";
            t.put(h + "input_layernorm.weight", ours.get(p + "ln_1.weight"));
            TensorData[] qkv = split(ours.get(p + "attn.c_attn.weight"), d, kv, kv);
            t.put(h + "self_attn.q_proj.weight", qkv[0]);
            t.put(h + "self_attn.k_proj.weight", qkv[1]);
            t.put(h + "self_attn.v_proj.weight", qkv[2]);
            if (c.qkvBias()) {
                TensorData[] bias = split(ours.get(p + "attn.c_attn.bias"), d, kv, kv);
                t.put(h + "self_attn.q_proj.bias", bias[0]);
                t.put(h + "self_attn.k_proj.bias", bias[1]);
                t.put(h + "self_attn.v_proj.bias", bias[2]);
            }
            t.put(h + "self_attn.o_proj.weight", ours.get(p + "attn.c_proj.weight"));
            t.put(h + "post_attention_layernorm.weight", ours.get(p + "ln_2.weight"));
            TensorData[] gateUp = split(ours.get(p + "mlp.c_fc.weight"), c.hidden(), c.hidden());
            t.put(h + "mlp.gate_proj.weight", gateUp[0]);
            t.put(h + "mlp.up_proj.weight", gateUp[1]);
            t.put(h + "mlp.down_proj.weight", ours.get(p + "mlp.c_proj.weight"));
        }
        t.put("model.norm.weight", ours.get("transformer.ln_f.weight"));
        if (!c.tieEmbeddings()) {
            t.put("lm_head.weight", ours.get("lm_head.weight"));
        }
        return t;
    }

    private static ObjectNode gpt2Config(GptConfig c) {
        ObjectNode o = Json.object();
        o.putArray("architectures").add("GPT2LMHeadModel");
        o.put("model_type", "gpt2");
        o.put("n_embd", c.width());
        o.put("n_head", c.heads());
        o.put("n_layer", c.layers());
        o.put("n_positions", c.contextLength());
        o.put("n_ctx", c.contextLength());
        o.put("n_inner", c.hidden());
        o.put("vocab_size", c.vocabSize());
        o.put("layer_norm_epsilon", c.normEps());
        o.put("activation_function", c.mlp() == GptConfig.Mlp.GELU_TANH ? "gelu_new" : "gelu");
        o.put("tie_word_embeddings", c.tieEmbeddings());
        o.put("torch_dtype", "float32");
        return o;
    }

    private static Map<String, TensorData> gpt2Tensors(GptConfig c, Map<String, TensorData> ours) {
        Map<String, TensorData> t = new LinkedHashMap<>();
        t.put("transformer.wte.weight", ours.get("transformer.wte.weight"));
        t.put("transformer.wpe.weight", ours.get("transformer.wpe.weight"));
        for (int i = 0; i < c.layers(); i++) {
            String p = "transformer.h." + i + ".";
            for (String norm : new String[] {"ln_1", "ln_2"}) {
                t.put(p + norm + ".weight", ours.get(p + norm + ".weight"));
                t.put(p + norm + ".bias", biasOrZeros(ours, p + norm + ".bias", c.width()));
            }
            for (String linear : new String[] {"attn.c_attn", "attn.c_proj", "mlp.c_fc", "mlp.c_proj"}) {
                TensorData w = ours.get(p + linear + ".weight");
                t.put(p + linear + ".weight", transpose(w));
                t.put(p + linear + ".bias", biasOrZeros(ours, p + linear + ".bias", w.shape()[0]));
            }
        }
        t.put("transformer.ln_f.weight", ours.get("transformer.ln_f.weight"));
        t.put("transformer.ln_f.bias", biasOrZeros(ours, "transformer.ln_f.bias", c.width()));
        if (!c.tieEmbeddings()) {
            t.put("lm_head.weight", ours.get("lm_head.weight"));
        }
        return t;
    }

    private static TensorData biasOrZeros(Map<String, TensorData> ours, String name, long size) {
        TensorData bias = ours.get(name);
        return bias != null ? bias : TensorData.ofFloats(new long[] {size}, new float[Math.toIntExact(size)]);
    }

    /** Splits the rows of a matrix (or a vector) into parts of the given row counts. */
    private static TensorData[] split(TensorData t, long... rows) {
        long[] shape = t.shape();
        long cols = shape.length == 1 ? 1 : shape[1];
        float[] all = t.toFloatArray();
        TensorData[] parts = new TensorData[rows.length];
        int at = 0;
        for (int i = 0; i < rows.length; i++) {
            int n = Math.toIntExact(rows[i] * cols);
            parts[i] = TensorData.ofFloats(shape.length == 1 ? new long[] {rows[i]} : new long[] {rows[i], cols},
                    Arrays.copyOfRange(all, at, at + n));
            at += n;
        }
        return parts;
    }

    /** (rows, cols) to (cols, rows). */
    static TensorData transpose(TensorData t) {
        int rows = Math.toIntExact(t.shape()[0]);
        int cols = Math.toIntExact(t.shape()[1]);
        float[] in = t.toFloatArray();
        float[] out = new float[in.length];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                out[c * rows + r] = in[r * cols + c];
            }
        }
        return TensorData.ofFloats(new long[] {cols, rows}, out);
    }
}
