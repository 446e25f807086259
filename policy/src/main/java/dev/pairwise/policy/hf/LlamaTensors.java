/*
 * Hugging Face Llama tensor names to GptModel's (nanoGPT's) names. GptModel fuses what HF keeps
 * apart: q, k and v rows stack into one c_attn weight, gate and up rows into one c_fc weight, so
 * one matmul computes each (Qwen2's q, k and v biases likewise). nn.Linear weights are (out, in)
 * on both sides, so no transpose.
 */
package dev.pairwise.policy.hf;

import dev.pairwise.policy.io.TensorData;
import dev.pairwise.policy.model.GptConfig;
import dev.pairwise.policy.model.GptWeights;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Pattern;

/** Maps and checks every tensor of a Hugging Face Llama-family checkpoint. */
final class LlamaTensors {

    /** Buffers older checkpoints saved that the rotary tables recompute. */
    private static final Pattern IGNORED = Pattern.compile("model\\.layers\\.\\d+\\.self_attn\\.rotary_emb\\.inv_freq");

    private LlamaTensors() {
    }

    /**
     * The tensors of {@code hf} (F32, HF names) under GptModel's names for {@code c}.
     *
     * @throws IllegalArgumentException naming a missing tensor, a mis-shaped one (its shape and
     *                                  the expected one) or tensors this model has no place for
     */
    static Map<String, TensorData> map(GptConfig c, Map<String, TensorData> hf) {
        var unused = new TreeSet<>(hf.keySet());
        unused.removeIf(name -> IGNORED.matcher(name).matches());
        long d = c.width();
        long kv = (long) c.keyValueHeads() * c.headSize();
        long inner = c.hidden();
        Map<String, TensorData> out = new LinkedHashMap<>();
        out.put("transformer.wte.weight", take(hf, unused, "model.embed_tokens.weight", c.vocabSize(), d));
        for (int i = 0; i < c.layers(); i++) {
            String h = "model.layers." + i + ".";
            String p = "transformer.h." + i + ".";
            out.put(p + "ln_1.weight", take(hf, unused, h + "input_layernorm.weight", d));
            out.put(p + "attn.c_attn.weight", stack(
                    take(hf, unused, h + "self_attn.q_proj.weight", d, d),
                    take(hf, unused, h + "self_attn.k_proj.weight", kv, d),
                    take(hf, unused, h + "self_attn.v_proj.weight", kv, d)));
            if (c.qkvBias()) {
                out.put(p + "attn.c_attn.bias", stack(
                        take(hf, unused, h + "self_attn.q_proj.bias", d),
                        take(hf, unused, h + "self_attn.k_proj.bias", kv),
                        take(hf, unused, h + "self_attn.v_proj.bias", kv)));
            }
            out.put(p + "attn.c_proj.weight", take(hf, unused, h + "self_attn.o_proj.weight", d, d));
            out.put(p + "ln_2.weight", take(hf, unused, h + "post_attention_layernorm.weight", d));
            out.put(p + "mlp.c_fc.weight", stack(
                    take(hf, unused, h + "mlp.gate_proj.weight", inner, d),
                    take(hf, unused, h + "mlp.up_proj.weight", inner, d)));
            out.put(p + "mlp.c_proj.weight", take(hf, unused, h + "mlp.down_proj.weight", d, inner));
        }
        out.put("transformer.ln_f.weight", take(hf, unused, "model.norm.weight", d));
        if (c.tieEmbeddings()) {
            // transformers ties lm_head to the embedding and ignores a saved copy; so do we
            unused.remove("lm_head.weight");
        } else {
            out.put("lm_head.weight", take(hf, unused, "lm_head.weight", c.vocabSize(), d));
        }
        if (!unused.isEmpty()) {
            List<String> shown = new ArrayList<>(unused).subList(0, Math.min(8, unused.size()));
            throw new IllegalArgumentException(unused.size() + " tensor(s) this Llama model has no place for: " + shown
                    + (unused.size() > shown.size() ? " ..." : "")
                    + " (biases, QK norms or extra layers are not supported; check num_hidden_layers)");
        }
        assertMatches(c, out);
        return out;
    }

    private static TensorData take(Map<String, TensorData> hf, TreeSet<String> unused, String name, long... shape) {
        TensorData t = hf.get(name);
        if (t == null) {
            throw new IllegalArgumentException("missing tensor '" + name + "' (expected shape "
                    + Arrays.toString(shape) + ")");
        }
        if (!Arrays.equals(t.shape(), shape)) {
            throw new IllegalArgumentException("tensor '" + name + "' has shape " + Arrays.toString(t.shape())
                    + ", expected " + Arrays.toString(shape) + " from config.json");
        }
        unused.remove(name);
        return t;
    }

    /** Row-wise concatenation of (rows_i, cols) matrices, or of vectors. */
    private static TensorData stack(TensorData... parts) {
        long rows = 0;
        boolean vectors = parts[0].shape().length == 1;
        long cols = vectors ? 1 : parts[0].shape()[1];
        int total = 0;
        for (TensorData t : parts) {
            rows += t.shape()[0];
            total += Math.toIntExact(t.elementCount());
        }
        float[] all = new float[total];
        int at = 0;
        for (TensorData t : parts) {
            float[] values = t.toFloatArray();
            System.arraycopy(values, 0, all, at, values.length);
            at += values.length;
        }
        return TensorData.ofFloats(vectors ? new long[] {rows} : new long[] {rows, cols}, all);
    }

    /** The mapping must yield exactly GptModel's parameter set: a guard against the two drifting apart. */
    private static void assertMatches(GptConfig c, Map<String, TensorData> ours) {
        Map<String, long[]> expected = GptWeights.shapes(c);
        if (!expected.keySet().equals(ours.keySet())) {
            throw new IllegalStateException("Llama mapping yields " + ours.keySet() + " but the model needs "
                    + expected.keySet());
        }
        expected.forEach((name, shape) -> {
            if (!Arrays.equals(shape, ours.get(name).shape())) {
                throw new IllegalStateException(name + ": mapped shape " + Arrays.toString(ours.get(name).shape())
                        + " but the model needs " + Arrays.toString(shape));
            }
        });
    }
}
