package dev.pairwise.policy.hf;

import dev.pairwise.policy.io.Json;
import dev.pairwise.policy.io.Safetensors;
import dev.pairwise.policy.io.TensorData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import tools.jackson.databind.node.ObjectNode;

/** Tiny Hugging Face model folders written in Java, for tests that need no Python. */
public final class TinyHfFolders {

    private TinyHfFolders() {
    }

    /** Writes a tiny Llama folder ({@link #llamaConfig}, {@link #llamaTensors}) into {@code dir}. */
    public static Path llama(Path dir, int vocab) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("config.json"), llamaConfig(vocab).toString());
        Safetensors.write(dir.resolve("model.safetensors"), llamaTensors(vocab), Map.of("format", "pt"));
        return dir;
    }

    /** A tiny Llama config.json: width 16, 4 heads over 2 key/value heads, 2 layers, the given vocabulary. */
    public static ObjectNode llamaConfig(int vocab) {
        ObjectNode c = (ObjectNode) Json.parse("""
                {"architectures": ["LlamaForCausalLM"], "model_type": "llama", "hidden_size": 16,
                 "intermediate_size": 24, "num_hidden_layers": 2, "num_attention_heads": 4,
                 "num_key_value_heads": 2, "vocab_size": 32, "max_position_embeddings": 64,
                 "rms_norm_eps": 1e-5, "rope_theta": 10000.0, "tie_word_embeddings": false}
                """);
        c.put("vocab_size", vocab);
        return c;
    }

    /** Random F32 tensors under the Hugging Face names of {@link #llamaConfig}. */
    public static Map<String, TensorData> llamaTensors(int vocab) {
        Map<String, TensorData> t = new LinkedHashMap<>();
        SplittableRandom random = new SplittableRandom(3);
        put(t, random, "model.embed_tokens.weight", vocab, 16);
        for (int i = 0; i < 2; i++) {
            String p = "model.layers." + i + ".";
            put(t, random, p + "input_layernorm.weight", 16);
            put(t, random, p + "self_attn.q_proj.weight", 16, 16);
            put(t, random, p + "self_attn.k_proj.weight", 8, 16);
            put(t, random, p + "self_attn.v_proj.weight", 8, 16);
            put(t, random, p + "self_attn.o_proj.weight", 16, 16);
            put(t, random, p + "post_attention_layernorm.weight", 16);
            put(t, random, p + "mlp.gate_proj.weight", 24, 16);
            put(t, random, p + "mlp.up_proj.weight", 24, 16);
            put(t, random, p + "mlp.down_proj.weight", 16, 24);
        }
        put(t, random, "model.norm.weight", 16);
        put(t, random, "lm_head.weight", vocab, 16);
        return t;
    }

    static void put(Map<String, TensorData> t, SplittableRandom random, String name, long... shape) {
        float[] values = new float[Math.toIntExact(java.util.Arrays.stream(shape).reduce(1, (a, b) -> a * b))];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) random.nextGaussian();
        }
        t.put(name, TensorData.ofFloats(shape, values));
    }
}
