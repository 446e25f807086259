/*
 * The BERT encoder (Devlin et al. 2019, "BERT: Pre-training of Deep Bidirectional Transformers
 * for Language Understanding"): token + token-type + learned absolute position embeddings and a
 * LayerNorm, then post-norm blocks x = LN(x + Attn(x)); x = LN(x + Mlp(x)) with bidirectional
 * attention under a padding mask and an exact (erf) GELU MLP. Hugging Face's BertModel without
 * its pooler (sentence-transformers never uses it) and without dropout (deterministic training
 * on a CPU, as nanoGPT's). Written on NDArrays like the policy's GptModel, all heads in one
 * batched matmul; tensors carry Hugging Face's names. Every array a forward makes belongs to the
 * manager of its input ids, none to the parameters' manager (which would keep it until close).
 */
package dev.pairwise.rewardmodel.bert;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.ndarray.types.SparseFormat;
import ai.djl.nn.core.Embedding;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.LayerNorm;
import dev.pairwise.policy.model.NativeArrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A BERT encoder whose parameters live in one {@link NDManager} owned by it; every array a
 * forward creates is attached to the manager of the ids it is given, so a per-step sub-manager
 * frees a whole step. Parameters start without gradients: a trainer turns on the ones it trains.
 */
public final class BertEncoder implements AutoCloseable {

    /** Added to the attention score of a padding key: its weight after the softmax is exactly 0. */
    private static final float MASKED = -1e9f;

    private final BertConfig config;
    private final NDManager manager;
    private final Map<String, NDArray> parameters;
    private final Layer[] layers;
    private final float scale;

    private record Layer(NDArray query, NDArray queryB, NDArray key, NDArray keyB, NDArray value, NDArray valueB,
                         NDArray out, NDArray outB, NDArray ln1, NDArray ln1b, NDArray fc, NDArray fcB,
                         NDArray proj, NDArray projB, NDArray ln2, NDArray ln2b) {
    }

    private BertEncoder(BertConfig config, NDManager manager, Map<String, NDArray> parameters) {
        this.config = config;
        this.manager = manager;
        this.parameters = Collections.unmodifiableMap(parameters);
        layers = new Layer[config.numHiddenLayers()];
        for (int i = 0; i < layers.length; i++) {
            String p = "encoder.layer." + i + ".";
            layers[i] = new Layer(get(p + "attention.self.query.weight"), get(p + "attention.self.query.bias"),
                    get(p + "attention.self.key.weight"), get(p + "attention.self.key.bias"),
                    get(p + "attention.self.value.weight"), get(p + "attention.self.value.bias"),
                    get(p + "attention.output.dense.weight"), get(p + "attention.output.dense.bias"),
                    get(p + "attention.output.LayerNorm.weight"), get(p + "attention.output.LayerNorm.bias"),
                    get(p + "intermediate.dense.weight"), get(p + "intermediate.dense.bias"),
                    get(p + "output.dense.weight"), get(p + "output.dense.bias"),
                    get(p + "output.LayerNorm.weight"), get(p + "output.LayerNorm.bias"));
        }
        scale = (float) (1.0 / Math.sqrt(config.headSize()));
    }

    private NDArray get(String name) {
        return parameters.get(name);
    }

    /**
     * An encoder holding copies of {@code weights}, which must name exactly the tensors of
     * {@link BertWeights#shapes} with those shapes.
     *
     * @throws IllegalArgumentException naming a missing, unexpected or mis-shaped tensor
     */
    public static BertEncoder fromWeights(BertConfig config, Map<String, OnnxInitializers.Tensor> weights,
            Device device) {
        BertWeights.check(config, weights.keySet(), name -> weights.get(name).shape());
        NDManager manager = NDManager.newBaseManager(device);
        try {
            Map<String, NDArray> params = new LinkedHashMap<>();
            BertWeights.shapes(config).forEach((name, shape) -> params.put(name,
                    NativeArrays.of(manager, weights.get(name).values(), new Shape(shape))));
            return new BertEncoder(config, manager, params);
        } catch (RuntimeException e) {
            manager.close();
            throw e;
        }
    }

    /**
     * An encoder holding copies of float32 {@code arrays} (a saved checkpoint's tensors).
     *
     * @throws IllegalArgumentException naming a missing, unexpected or mis-shaped tensor
     */
    public static BertEncoder fromArrays(BertConfig config, Map<String, NDArray> arrays, Device device) {
        BertWeights.check(config, arrays.keySet(), name -> arrays.get(name).getShape().getShape());
        Map<String, OnnxInitializers.Tensor> copies = new LinkedHashMap<>();
        for (String name : BertWeights.shapes(config).keySet()) {
            NDArray a = arrays.get(name);
            if (a.getDataType() != DataType.FLOAT32) {
                throw new IllegalArgumentException("tensor '" + name + "' is " + a.getDataType() + ", expected float32");
            }
            copies.put(name, new OnnxInitializers.Tensor(a.getShape().getShape(), a.toFloatArray()));
        }
        return fromWeights(config, copies, device);
    }

    public BertConfig config() {
        return config;
    }

    public Device device() {
        return manager.getDevice();
    }

    /** The manager holding the parameters (tests cap it to prove a forward leaves nothing there). */
    NDManager manager() {
        return manager;
    }

    /** Parameters by Hugging Face name, in a fixed order; do not close them. */
    public Map<String, NDArray> parameters() {
        return parameters;
    }

    /**
     * The last hidden state {@code (B, T, hidden)} of {@code ids (B, T)} (int32 or int64) with
     * token types {@code types (B, T)} and {@code mask (B, T)} (1 for a token, 0 for padding:
     * no token attends to padding).
     *
     * @throws IllegalArgumentException if the shapes disagree or T exceeds the position table
     */
    public NDArray forward(NDArray ids, NDArray types, NDArray mask) {
        Shape shape = ids.getShape();
        if (shape.dimension() != 2 || !types.getShape().equals(shape) || !mask.getShape().equals(shape)) {
            throw new IllegalArgumentException("ids, types and mask must all be (batch, time), got " + shape + ", "
                    + types.getShape() + ", " + mask.getShape());
        }
        int b = (int) shape.get(0);
        int t = (int) shape.get(1);
        if (t == 0 || t > config.maxPositionEmbeddings()) {
            throw new IllegalArgumentException("sequence of " + t + " tokens; this encoder reads 1 to "
                    + config.maxPositionEmbeddings());
        }
        NDManager m = ids.getManager();
        NDArray x = Embedding.embedding(int64(ids), get("embeddings.word_embeddings.weight"), SparseFormat.DENSE)
                .singletonOrThrow()
                .add(Embedding.embedding(int64(types), get("embeddings.token_type_embeddings.weight"),
                        SparseFormat.DENSE).singletonOrThrow())
                .add(get("embeddings.position_embeddings.weight").get(m, new NDIndex("0:{}", t)));
        x = norm(x, get("embeddings.LayerNorm.weight"), get("embeddings.LayerNorm.bias"));
        // (B, 1, 1, T): 0 where the key is a token, MASKED where it is padding
        NDArray keyBias = NativeArrays.mul(NativeArrays.sub(mask.toType(DataType.FLOAT32, false), 1.0), -MASKED)
                .reshape(b, 1, 1, t);
        for (Layer w : layers) {
            x = block(w, x, keyBias, b, t);
        }
        return x;
    }

    private NDArray block(Layer w, NDArray x, NDArray keyBias, int b, int t) {
        int h = config.numAttentionHeads();
        int hd = config.headSize();
        // Three projections rather than one over concatenated weights: a concatenation of
        // parameters would belong to the parameters' manager and outlive the step.
        NDArray q = heads(Linear.linear(x, w.query, w.queryB).singletonOrThrow(), b, t, h, hd);
        NDArray k = heads(Linear.linear(x, w.key, w.keyB).singletonOrThrow(), b, t, h, hd);
        NDArray v = heads(Linear.linear(x, w.value, w.valueB).singletonOrThrow(), b, t, h, hd);
        NDArray att = NativeArrays.mul(q, scale).matMul(k.transpose(0, 1, 3, 2)).add(keyBias);
        NDArray y = att.softmax(3).matMul(v).transpose(0, 2, 1, 3).reshape(b, t, config.hiddenSize());
        x = norm(x.add(Linear.linear(y, w.out, w.outB).singletonOrThrow()), w.ln1, w.ln1b);
        NDArray hidden = Linear.linear(x, w.fc, w.fcB).singletonOrThrow().getNDArrayInternal().gelu();
        return norm(x.add(Linear.linear(hidden, w.proj, w.projB).singletonOrThrow()), w.ln2, w.ln2b);
    }

    /** {@code (B, T, H·hd)} as {@code (B, H, T, hd)}. */
    private static NDArray heads(NDArray x, int b, int t, int h, int hd) {
        return x.reshape(b, t, h, hd).transpose(0, 2, 1, 3);
    }

    /**
     * Mean of the hidden states over each row's tokens (padding left out): the sentence embedding
     * of sentence-transformers (Reimers &amp; Gurevych 2019), {@code (B, hidden)}.
     */
    public static NDArray meanPool(NDArray hidden, NDArray mask) {
        NDArray m = mask.toType(DataType.FLOAT32, false);
        return hidden.mul(m.expandDims(2)).sum(new int[] {1}).div(m.sum(new int[] {1}, true));
    }

    private NDArray norm(NDArray x, NDArray gain, NDArray bias) {
        return LayerNorm.layerNorm(x, new Shape(config.hiddenSize()), gain, bias, (float) config.layerNormEps())
                .singletonOrThrow();
    }

    private static NDArray int64(NDArray a) {
        return a.getDataType() == DataType.INT64 ? a : a.toType(DataType.INT64, false);
    }

    /** Frees the parameters. */
    @Override
    public void close() {
        manager.close();
    }
}
