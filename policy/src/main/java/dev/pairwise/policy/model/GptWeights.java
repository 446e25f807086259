/*
 * Parameter names, shapes and GPT-2 initialisation (Radford et al. 2019: N(0, 0.02), residual
 * projections scaled by 1/sqrt(2·layers); biases zero, norm gains one). Names and layouts follow
 * nanoGPT's PyTorch state_dict (nn.Linear weights stored (out, in)), so safetensors written from
 * these names load in Python tools. Deliberate departures: with tied embeddings there is no
 * separate lm_head.weight tensor (safetensors cannot alias), and the SwiGLU MLP stores its gate
 * and up projections stacked in one c_fc weight (rows [0, hidden) gate, [hidden, 2·hidden) up) so
 * that one matmul computes both. Likewise c_attn stacks q, k and v rows; with grouped-query
 * attention the k and v parts have keyValueHeads·headSize rows each instead of width.
 */
package dev.pairwise.policy.model;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

/** The named parameter shapes of a {@link GptConfig}, and their seeded initial values. */
public final class GptWeights {

    private GptWeights() {
    }

    /** Parameter name to shape, in a fixed order (embeddings, blocks 0..L-1, final norm, head). */
    public static Map<String, long[]> shapes(GptConfig c) {
        Map<String, long[]> s = new LinkedHashMap<>();
        long d = c.width();
        s.put("transformer.wte.weight", new long[] {c.vocabSize(), d});
        if (c.position() == GptConfig.Position.LEARNED) {
            s.put("transformer.wpe.weight", new long[] {c.contextLength(), d});
        }
        long fcOut = c.mlp() == GptConfig.Mlp.SWIGLU ? 2L * c.hidden() : c.hidden();
        for (int i = 0; i < c.layers(); i++) {
            String p = "transformer.h." + i + ".";
            norm(s, c, p + "ln_1", d);
            long qkv = d + 2L * c.keyValueHeads() * c.headSize();
            linear(s, c, p + "attn.c_attn", qkv, d);
            if (c.qkvBias() && !c.bias()) {
                s.put(p + "attn.c_attn.bias", new long[] {qkv});
            }
            linear(s, c, p + "attn.c_proj", d, d);
            norm(s, c, p + "ln_2", d);
            linear(s, c, p + "mlp.c_fc", fcOut, d);
            linear(s, c, p + "mlp.c_proj", d, c.hidden());
        }
        norm(s, c, "transformer.ln_f", d);
        if (!c.tieEmbeddings()) {
            s.put("lm_head.weight", new long[] {c.vocabSize(), d});
        }
        return s;
    }

    /** True for parameters that AdamW decays: 2-D matrices (embeddings included, as nanoGPT). */
    public static boolean decays(long[] shape) {
        return shape.length >= 2;
    }

    /**
     * Initial values of one parameter, drawn from a generator seeded by {@code seed} and the
     * parameter's name, so the values do not depend on the order parameters are created in.
     */
    public static float[] initialValues(GptConfig c, String name, long[] shape, long seed) {
        long n = 1;
        for (long dim : shape) {
            n *= dim;
        }
        if (n > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("parameter " + name + " too large: " + n);
        }
        float[] values = new float[(int) n];
        if (name.endsWith(".bias")) {
            return values;
        }
        if (shape.length == 1) {
            java.util.Arrays.fill(values, 1f);
            return values;
        }
        double std = 0.02;
        if (name.endsWith("attn.c_proj.weight") || name.endsWith("mlp.c_proj.weight")) {
            std = 0.02 / Math.sqrt(2.0 * c.layers());
        }
        SplittableRandom rng = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + name.hashCode());
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) (rng.nextGaussian() * std);
        }
        return values;
    }

    private static void linear(Map<String, long[]> s, GptConfig c, String prefix, long out, long in) {
        s.put(prefix + ".weight", new long[] {out, in});
        if (c.bias()) {
            s.put(prefix + ".bias", new long[] {out});
        }
    }

    private static void norm(Map<String, long[]> s, GptConfig c, String prefix, long d) {
        s.put(prefix + ".weight", new long[] {d});
        if (c.bias() && c.norm() == GptConfig.Norm.LAYER) {
            s.put(prefix + ".bias", new long[] {d});
        }
    }
}
