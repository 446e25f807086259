/*
 * Decoder-only GPT (Radford et al. 2019) over the Transformer of Vaswani et al. 2017, pre-norm
 * blocks x += Attn(Norm(x)); x += Mlp(Norm(x)). Options: RMSNorm (Zhang & Sennrich 2019), rotary
 * positions (Su et al. 2021), SwiGLU (Shazeer 2020). Written directly on NDArrays rather than
 * DJL Blocks because each DJL op is one JNI call: the forward uses one fused QKV matmul, all heads
 * in one batched matmul, q and k rotated together, precomputed mask and rotary tables. No dropout
 * (nanoGPT's CPU run uses none). Grouped-query attention (Ainslie et al. 2023) and rotary scaling
 * make the modern block a Llama: Hugging Face Llama-family checkpoints load through
 * dev.pairwise.policy.hf.HfImport.
 */
package dev.pairwise.policy.model;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.ndarray.types.SparseFormat;
import ai.djl.nn.core.Embedding;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.LayerNorm;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A GPT whose parameters live in one {@link NDManager} owned by the model. Create with
 * {@link #create} (seeded GPT-2 initialisation) or {@link #fromWeights}; save and load through
 * {@code dev.pairwise.policy.checkpoint.Checkpoints}. Close to free the parameters.
 *
 * <p>Every array {@link #forward} creates is attached to the manager of the {@code tokens} it is
 * given, so a per-step sub-manager frees a whole step. Not thread-safe.
 */
public final class GptModel implements AutoCloseable {

    private final GptConfig config;
    private final NDManager manager;
    private final Map<String, NDArray> parameters;
    private final NDArray wte;
    private final @Nullable NDArray wpe;
    private final NDArray lnF;
    private final @Nullable NDArray lnFBias;
    private final NDArray head;
    private final Layer[] layers;
    private final NDArray zeros;
    private final NDArray mask;
    private final NDArray cos;
    private final NDArray sin;
    private final float scale;

    /** Queries per block in causal attention over long sequences (see {@link #attention}). */
    static final int ATTENTION_BLOCK = 128;

    private record Layer(NDArray ln1, NDArray ln1b, NDArray attn, NDArray attnB, NDArray proj, NDArray projB,
                         NDArray ln2, NDArray ln2b, NDArray fc, NDArray fcB, NDArray mproj, NDArray mprojB) {
    }

    private GptModel(GptConfig config, NDManager manager, Map<String, NDArray> parameters) {
        this.config = config;
        this.manager = manager;
        this.parameters = Collections.unmodifiableMap(parameters);
        for (NDArray p : parameters.values()) {
            p.setRequiresGradient(true);
        }
        wte = parameters.get("transformer.wte.weight");
        wpe = parameters.get("transformer.wpe.weight");
        lnF = parameters.get("transformer.ln_f.weight");
        lnFBias = parameters.get("transformer.ln_f.bias");
        head = config.tieEmbeddings() ? wte : parameters.get("lm_head.weight");
        layers = new Layer[config.layers()];
        for (int i = 0; i < layers.length; i++) {
            String p = "transformer.h." + i + ".";
            layers[i] = new Layer(parameters.get(p + "ln_1.weight"), parameters.get(p + "ln_1.bias"),
                    parameters.get(p + "attn.c_attn.weight"), parameters.get(p + "attn.c_attn.bias"),
                    parameters.get(p + "attn.c_proj.weight"), parameters.get(p + "attn.c_proj.bias"),
                    parameters.get(p + "ln_2.weight"), parameters.get(p + "ln_2.bias"),
                    parameters.get(p + "mlp.c_fc.weight"), parameters.get(p + "mlp.c_fc.bias"),
                    parameters.get(p + "mlp.c_proj.weight"), parameters.get(p + "mlp.c_proj.bias"));
        }
        int t = config.contextLength();
        int hd = config.headSize();
        zeros = manager.zeros(new Shape(config.width()));
        float[] m = new float[t * t];
        for (int i = 0; i < t; i++) {
            for (int j = i + 1; j < t; j++) {
                m[i * t + j] = Float.NEGATIVE_INFINITY;
            }
        }
        mask = NativeArrays.of(manager, m, new Shape(t, t));
        float[][] tables = Rope.tables(t, hd, config.ropeTheta(), config.ropeScaling());
        cos = NativeArrays.of(manager, tables[0], new Shape(t, hd));
        sin = NativeArrays.of(manager, tables[1], new Shape(t, hd));
        scale = (float) (1.0 / Math.sqrt(hd));
    }

    /** A new model with GPT-2 initialisation drawn from {@code seed} (Java RNG, reproducible). */
    public static GptModel create(GptConfig config, long seed, Device device) {
        NDManager manager = NDManager.newBaseManager(device);
        try {
            Map<String, NDArray> params = new LinkedHashMap<>();
            GptWeights.shapes(config).forEach((name, shape) -> params.put(name,
                    NativeArrays.of(manager, GptWeights.initialValues(config, name, shape, seed), new Shape(shape))));
            return new GptModel(config, manager, params);
        } catch (RuntimeException e) {
            manager.close();
            throw e;
        }
    }

    /**
     * A model holding copies of {@code weights}, which must name exactly the parameters of
     * {@link GptWeights#shapes} with those shapes (float32).
     *
     * @throws IllegalArgumentException naming a missing, unexpected or mis-shaped tensor
     */
    public static GptModel fromWeights(GptConfig config, Map<String, NDArray> weights, Device device) {
        Map<String, long[]> shapes = GptWeights.shapes(config);
        for (String name : weights.keySet()) {
            if (!shapes.containsKey(name)) {
                throw new IllegalArgumentException("unexpected tensor '" + name + "' for this model config");
            }
        }
        NDManager manager = NDManager.newBaseManager(device);
        try {
            Map<String, NDArray> params = new LinkedHashMap<>();
            for (Map.Entry<String, long[]> e : shapes.entrySet()) {
                NDArray w = weights.get(e.getKey());
                if (w == null) {
                    throw new IllegalArgumentException("missing tensor '" + e.getKey() + "'");
                }
                if (!w.getShape().equals(new Shape(e.getValue()))) {
                    throw new IllegalArgumentException("tensor '" + e.getKey() + "' has shape " + w.getShape()
                            + ", expected " + new Shape(e.getValue()));
                }
                if (w.getDataType() != DataType.FLOAT32) {
                    throw new IllegalArgumentException("tensor '" + e.getKey() + "' is " + w.getDataType()
                            + ", expected float32");
                }
                params.put(e.getKey(), NativeArrays.of(manager, w.toFloatArray(), w.getShape()));
            }
            return new GptModel(config, manager, params);
        } catch (RuntimeException e) {
            manager.close();
            throw e;
        }
    }

    /** The configuration this model was built with. */
    public GptConfig config() {
        return config;
    }

    /** The device the parameters live on. */
    public Device device() {
        return manager.getDevice();
    }

    /** Parameters by name (see {@link GptWeights}), in a fixed order; do not close them. */
    public Map<String, NDArray> parameters() {
        return parameters;
    }

    /** Number of scalar parameters (a tied embedding counted once). */
    public long parameterCount() {
        return parameters.values().stream().mapToLong(a -> a.getShape().size()).sum();
    }

    /** A fresh, empty cache for {@code batch} sequences, owned by a sub-manager of {@code manager}. */
    public KvCache newCache(NDManager manager, int batch) {
        return new KvCache(manager, config.layers(), batch, config.contextLength());
    }

    /** Logits {@code (B, T, V)} for tokens {@code (B, T)}, without a cache. */
    public NDArray forward(NDArray tokens) {
        return forward(tokens, null);
    }

    /**
     * Logits {@code (B, T, V)} for {@code tokens (B, T)} (int32 or int64). With a cache, the tokens
     * take positions {@code cache.length() .. cache.length()+T-1}, attend to every cached position,
     * and their keys and values are appended to the cache.
     *
     * <p>A token id outside {@code [0, vocabSize)} makes PyTorch throw an {@code EngineException}.
     *
     * @throws IllegalArgumentException if the sequence (with the cache) exceeds the context
     *                                  length or the batch does not match the cache
     */
    public NDArray forward(NDArray tokens, @Nullable KvCache cache) {
        return logits(trunk(tokens, cache));
    }

    /**
     * The language-model head applied to a hidden state from {@link #forwardHidden}: {@code
     * forward(t)} equals {@code logits(forwardHidden(t))}, so a caller that needs both (PPO's
     * policy and value head) runs the blocks once.
     */
    public NDArray logits(NDArray hidden) {
        return Linear.linear(hidden, head, null).singletonOrThrow();
    }

    /**
     * The final hidden state {@code (B, T, width)} for {@code tokens (B, T)}, after the last norm
     * and before the language-model head: what a reward or value head reads (InstructGPT's scalar
     * head on the last layer). Same arrays' manager and limits as {@link #forward(NDArray)}.
     */
    public NDArray forwardHidden(NDArray tokens) {
        return trunk(tokens, null);
    }

    /** Embeddings, every block, and the final norm. */
    private NDArray trunk(NDArray tokens, @Nullable KvCache cache) {
        Shape shape = tokens.getShape();
        if (shape.dimension() != 2) {
            throw new IllegalArgumentException("tokens must be (batch, time), got shape " + shape);
        }
        int b = (int) shape.get(0);
        int t = (int) shape.get(1);
        int p = cache == null ? 0 : cache.length();
        if (t == 0) {
            throw new IllegalArgumentException("tokens must not be empty");
        }
        if (p + t > config.contextLength()) {
            throw new IllegalArgumentException("sequence of " + (p + t) + " tokens is longer than the context length "
                    + config.contextLength());
        }
        if (cache != null && cache.batch() != b) {
            throw new IllegalArgumentException("cache holds " + cache.batch() + " rows, tokens have " + b);
        }
        NDManager m = tokens.getManager();
        NDArray ids = tokens.getDataType() == DataType.INT64 ? tokens : tokens.toType(DataType.INT64, false);
        NDArray x = Embedding.embedding(ids, wte, SparseFormat.DENSE).singletonOrThrow();
        boolean full = p == 0 && t == config.contextLength();
        if (config.position() == GptConfig.Position.LEARNED) {
            x = x.add(full ? wpe : wpe.get(m, new NDIndex("{}:{}", p, p + t)));
        }
        NDArray c = null;
        NDArray s = null;
        if (config.position() == GptConfig.Position.ROPE) {
            c = full ? cos : cos.get(m, new NDIndex("{}:{}", p, p + t));
            s = full ? sin : sin.get(m, new NDIndex("{}:{}", p, p + t));
        }
        NDArray msk = t == 1 ? null : full ? mask : mask.get(m, new NDIndex("{}:{}, 0:{}", p, p + t, p + t));
        for (int l = 0; l < layers.length; l++) {
            x = block(m, l, x, b, t, msk, c, s, cache);
        }
        if (cache != null) {
            cache.advance(t);
        }
        return norm(x, lnF, lnFBias);
    }

    /**
     * Mean next-token cross-entropy of {@code logits (B, T, V)} against {@code targets (B, T)}
     * (int32 or int64), a scalar.
     */
    public static NDArray loss(NDArray logits, NDArray targets) {
        NDArray idx = targets.getDataType() == DataType.INT64 ? targets : targets.toType(DataType.INT64, false);
        return logits.logSoftmax(2).gather(idx.expandDims(2), 2).mean().neg();
    }

    private NDArray block(NDManager m, int l, NDArray x, int b, int t, @Nullable NDArray msk, @Nullable NDArray c,
                          @Nullable NDArray s, @Nullable KvCache cache) {
        Layer w = layers[l];
        int h = config.heads();
        int hd = config.headSize();
        int kvh = config.keyValueHeads();
        NDArray projected = Linear.linear(norm(x, w.ln1, w.ln1b), w.attn, w.attnB).singletonOrThrow();
        NDArray q;
        NDArray k;
        NDArray v;
        if (kvh == h) {
            NDArray qkv = projected.reshape(b, t, 3, h, hd).transpose(2, 0, 3, 1, 4);
            if (c != null) {
                NDArray qk = Rope.apply(qkv.get("0:2"), c, s);
                q = qk.get(0);
                k = qk.get(1);
            } else {
                q = qkv.get(0);
                k = qkv.get(1);
            }
            v = qkv.get(2);
        } else {
            NDList parts = projected.split(new long[] {config.width(), config.width() + (long) kvh * hd}, 2);
            q = parts.get(0).reshape(b, t, h, hd).transpose(0, 2, 1, 3);
            k = parts.get(1).reshape(b, t, kvh, hd).transpose(0, 2, 1, 3);
            v = parts.get(2).reshape(b, t, kvh, hd).transpose(0, 2, 1, 3);
            if (c != null) {
                q = Rope.apply(q, c, s);
                k = Rope.apply(k, c, s);
            }
        }
        if (cache != null) {
            // the cache keeps the kvh heads, not their copies: heads/kvh times less memory
            NDList all = cache.append(l, k, v, m);
            k = all.get(0);
            v = all.get(1);
        }
        if (kvh != h) {
            k = repeatKv(k, h / kvh);
            v = repeatKv(v, h / kvh);
        }
        NDArray y = attention(q, k, v, msk, cache == null ? 0 : cache.length(), t)
                .transpose(0, 2, 1, 3).reshape(b, t, config.width());
        x = x.add(Linear.linear(y, w.proj, w.projB).singletonOrThrow());
        NDArray hidden = Linear.linear(norm(x, w.ln2, w.ln2b), w.fc, w.fcB).singletonOrThrow();
        if (config.mlp() == GptConfig.Mlp.SWIGLU) {
            NDList gu = hidden.split(2, 2);
            NDArray gate = gu.get(0);
            hidden = gate.mul(gate.getNDArrayInternal().sigmoid()).mul(gu.get(1));
        } else if (config.mlp() == GptConfig.Mlp.GELU_TANH) {
            hidden = geluTanh(hidden);
        } else {
            hidden = hidden.getNDArrayInternal().gelu();
        }
        return x.add(Linear.linear(hidden, w.mproj, w.mprojB).singletonOrThrow());
    }

    /** GPT-2's GELU, 0.5·x·(1 + tanh(√(2/π)·(x + 0.044715·x³))): libtorch's gelu is the exact erf form. */
    private static NDArray geluTanh(NDArray x) {
        NDArray cube = x.mul(x).mul(x);
        NDArray inner = NativeArrays.mul(NativeArrays.mul(cube, 0.044715).add(x), Math.sqrt(2 / Math.PI));
        return NativeArrays.mul(NativeArrays.add(inner.tanh(), 1).mul(x), 0.5);
    }

    /**
     * Key or value heads {@code (B, kvh, T, hd)} repeated to {@code (B, kvh·groups, T, hd)} so that
     * query head {@code j} reads key/value head {@code j / groups}: Hugging Face's {@code repeat_kv}.
     */
    private static NDArray repeatKv(NDArray kv, int groups) {
        Shape shape = kv.getShape();
        long b = shape.get(0);
        long kvh = shape.get(1);
        long t = shape.get(2);
        long hd = shape.get(3);
        return kv.expandDims(2).broadcast(new Shape(b, kvh, groups, t, hd)).reshape(b, kvh * groups, t, hd);
    }

    /**
     * softmax(q·kᵀ/√d + mask)·v over heads {@code (B, H, t, hd)}. A causal sequence that starts at
     * position 0 is split into blocks of {@link #ATTENTION_BLOCK} queries, each attending only to
     * the keys up to its last query: the skipped scores are masked to exactly zero weight anyway,
     * so the result is the same while the score work falls by up to half (37.5% fewer scores at
     * 4 blocks). The mask is added in place to the fresh score matrix (its matmul's backward does
     * not need it), saving one allocation of the largest tensor.
     */
    private NDArray attention(NDArray q, NDArray k, NDArray v, @Nullable NDArray msk, int p, int t) {
        NDArray qs = NativeArrays.mul(q, scale);
        if (p != 0 || t < 2 * ATTENTION_BLOCK) {
            NDArray att = qs.matMul(k.transpose(0, 1, 3, 2));
            if (msk != null) {
                att.addi(msk);
            }
            return att.softmax(3).matMul(v);
        }
        NDManager m = q.getManager();
        NDList blocks = new NDList();
        for (int start = 0; start < t; start += ATTENTION_BLOCK) {
            int end = Math.min(t, start + ATTENTION_BLOCK);
            NDArray att = qs.get(new NDIndex(":, :, {}:{}", start, end))
                    .matMul(k.get(new NDIndex(":, :, 0:{}", end)).transpose(0, 1, 3, 2));
            att.addi(mask.get(m, new NDIndex("{}:{}, 0:{}", start, end, end)));
            blocks.add(att.softmax(3).matMul(v.get(new NDIndex(":, :, 0:{}", end))));
        }
        return NDArrays.concat(blocks, 2);
    }

    private NDArray norm(NDArray x, NDArray gain, @Nullable NDArray bias) {
        if (config.norm() == GptConfig.Norm.LAYER) {
            return LayerNorm.layerNorm(x, new Shape(config.width()), gain, bias == null ? zeros : bias,
                    (float) config.normEps()).singletonOrThrow();
        }
        // RMSNorm: x / sqrt(mean(x^2) + eps) * g
        NDArray meanSquare = x.square().mean(new int[] {-1}, true);
        return x.mul(NativeArrays.pow(NativeArrays.add(meanSquare, config.normEps()), -0.5)).mul(gain);
    }

    /** Frees the parameters and tables. */
    @Override
    public void close() {
        manager.close();
    }
}
