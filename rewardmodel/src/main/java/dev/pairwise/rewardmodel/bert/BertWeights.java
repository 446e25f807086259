package dev.pairwise.rewardmodel.bert;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The tensors of a {@link BertEncoder}: Hugging Face {@code BertModel} names (without the pooler)
 * and shapes, linear weights as PyTorch stores them, {@code [out, in]}.
 */
public final class BertWeights {

    private BertWeights() {
    }

    /** Every tensor name with its shape, embeddings first, then layer by layer. */
    public static Map<String, long[]> shapes(BertConfig c) {
        long d = c.hiddenSize();
        long f = c.intermediateSize();
        Map<String, long[]> s = new LinkedHashMap<>();
        s.put("embeddings.word_embeddings.weight", new long[] {c.vocabSize(), d});
        s.put("embeddings.position_embeddings.weight", new long[] {c.maxPositionEmbeddings(), d});
        s.put("embeddings.token_type_embeddings.weight", new long[] {c.typeVocabSize(), d});
        s.put("embeddings.LayerNorm.weight", new long[] {d});
        s.put("embeddings.LayerNorm.bias", new long[] {d});
        for (int i = 0; i < c.numHiddenLayers(); i++) {
            String p = "encoder.layer." + i + ".";
            for (String proj : new String[] {"attention.self.query", "attention.self.key", "attention.self.value",
                    "attention.output.dense"}) {
                s.put(p + proj + ".weight", new long[] {d, d});
                s.put(p + proj + ".bias", new long[] {d});
            }
            s.put(p + "attention.output.LayerNorm.weight", new long[] {d});
            s.put(p + "attention.output.LayerNorm.bias", new long[] {d});
            s.put(p + "intermediate.dense.weight", new long[] {f, d});
            s.put(p + "intermediate.dense.bias", new long[] {f});
            s.put(p + "output.dense.weight", new long[] {d, f});
            s.put(p + "output.dense.bias", new long[] {d});
            s.put(p + "output.LayerNorm.weight", new long[] {d});
            s.put(p + "output.LayerNorm.bias", new long[] {d});
        }
        return s;
    }

    /** The layer a parameter belongs to: -1 for the embeddings, else its block's index. */
    public static int layerOf(String name) {
        if (!name.startsWith("encoder.layer.")) {
            return -1;
        }
        int from = "encoder.layer.".length();
        return Integer.parseInt(name.substring(from, name.indexOf('.', from)));
    }

    /**
     * Checks that {@code names} holds every tensor of {@code config} with its shape; tensors it
     * does not know are refused too, except the unused pooler that BERT exports carry.
     *
     * @throws IllegalArgumentException naming the first missing, unexpected or mis-shaped tensor
     */
    static void check(BertConfig config, Set<String> names, Function<String, long[]> shapeOf) {
        Map<String, long[]> expected = shapes(config);
        for (String name : names) {
            if (!expected.containsKey(name) && !name.startsWith("pooler.")) {
                throw new IllegalArgumentException("unexpected tensor '" + name + "' for this BERT config");
            }
        }
        for (Map.Entry<String, long[]> e : expected.entrySet()) {
            if (!names.contains(e.getKey())) {
                throw new IllegalArgumentException("missing tensor '" + e.getKey() + "'");
            }
            long[] shape = shapeOf.apply(e.getKey());
            if (!Arrays.equals(shape, e.getValue())) {
                throw new IllegalArgumentException("tensor '" + e.getKey() + "' has shape " + Arrays.toString(shape)
                        + ", expected " + Arrays.toString(e.getValue()));
            }
        }
    }
}
