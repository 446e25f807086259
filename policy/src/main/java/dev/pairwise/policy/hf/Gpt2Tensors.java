/*
 * GPT-2's tensor names are nanoGPT's, hence GptModel's; what differs is the layout: GPT-2's
 * Conv1D keeps its weight as (in, out), the transpose of nn.Linear's (out, in), so the four
 * projection weights of every block are transposed here. Checkpoints saved from GPT2Model
 * (the original "gpt2" repository) lack the "transformer." prefix; the causal-mask buffers
 * attn.bias and attn.masked_bias that older files carry are not weights and are skipped.
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

/** Maps and checks every tensor of a Hugging Face GPT-2 checkpoint. */
final class Gpt2Tensors {

    private static final Pattern BUFFERS = Pattern.compile("transformer\\.h\\.\\d+\\.attn\\.(bias|masked_bias)");
    private static final List<String> CONV1D = List.of("attn.c_attn.weight", "attn.c_proj.weight", "mlp.c_fc.weight",
            "mlp.c_proj.weight");

    private Gpt2Tensors() {
    }

    /**
     * The tensors of {@code hf} (F32, HF names) under GptModel's names for {@code c}.
     *
     * @throws IllegalArgumentException naming a missing tensor, a mis-shaped one (its shape and
     *                                  the expected one, in the file's layout) or unexpected tensors
     */
    static Map<String, TensorData> map(GptConfig c, Map<String, TensorData> hf) {
        boolean prefixed = hf.keySet().stream().anyMatch(n -> n.startsWith("transformer."));
        Map<String, TensorData> named = new LinkedHashMap<>();
        hf.forEach((name, t) -> named.put(prefixed || name.equals("lm_head.weight") ? name : "transformer." + name, t));
        var unused = new TreeSet<>(named.keySet());
        unused.removeIf(name -> BUFFERS.matcher(name).matches());
        if (c.tieEmbeddings()) {
            unused.remove("lm_head.weight");
        }
        Map<String, TensorData> out = new LinkedHashMap<>();
        for (Map.Entry<String, long[]> e : GptWeights.shapes(c).entrySet()) {
            String name = e.getKey();
            long[] shape = e.getValue();
            String suffix = name.replaceFirst("^transformer\\.h\\.\\d+\\.", "");
            boolean conv = name.startsWith("transformer.h.") && CONV1D.contains(suffix);
            String fileName = prefixed || name.equals("lm_head.weight") ? name : name.substring("transformer.".length());
            if (name.equals("transformer.wpe.weight")) {
                // the context kept may be shorter than n_positions: the first rows serve it
                TensorData wpe = take(named, unused, name, fileName, null);
                long rows = wpe.shape()[0];
                if (rows < shape[0] || wpe.shape().length != 2 || wpe.shape()[1] != shape[1]) {
                    throw new IllegalArgumentException("tensor '" + fileName + "' has shape "
                            + Arrays.toString(wpe.shape()) + ", expected [>= " + shape[0] + ", " + shape[1] + "]");
                }
                out.put(name, TensorData.ofFloats(shape, Arrays.copyOf(wpe.toFloatArray(),
                        Math.toIntExact(shape[0] * shape[1]))));
            } else if (conv) {
                long[] stored = {shape[1], shape[0]};
                out.put(name, HfExport.transpose(take(named, unused, name, fileName, stored)));
            } else {
                out.put(name, take(named, unused, name, fileName, shape));
            }
        }
        if (!unused.isEmpty()) {
            List<String> shown = new ArrayList<>(unused).subList(0, Math.min(8, unused.size()));
            throw new IllegalArgumentException(unused.size() + " tensor(s) this GPT-2 model has no place for: " + shown
                    + (unused.size() > shown.size() ? " ..." : "") + " (check n_layer)");
        }
        return out;
    }

    private static TensorData take(Map<String, TensorData> named, TreeSet<String> unused, String name, String fileName,
                                   long[] shape) {
        TensorData t = named.get(name);
        if (t == null) {
            throw new IllegalArgumentException("missing tensor '" + fileName + "'"
                    + (shape == null ? "" : " (expected shape " + Arrays.toString(shape) + ")"));
        }
        if (shape != null && !Arrays.equals(t.shape(), shape)) {
            throw new IllegalArgumentException("tensor '" + fileName + "' has shape " + Arrays.toString(t.shape())
                    + ", expected " + Arrays.toString(shape) + " from config.json"
                    + (shape.length == 2 && CONV1D.stream().anyMatch(name::endsWith) ? " (Conv1D layout: in, out)" : ""));
        }
        unused.remove(name);
        return t;
    }
}
