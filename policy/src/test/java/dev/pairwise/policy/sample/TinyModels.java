package dev.pairwise.policy.sample;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.pairwise.policy.model.GptConfig;
import dev.pairwise.policy.model.GptModel;
import dev.pairwise.policy.model.GptWeights;
import dev.pairwise.policy.model.RopeScaling;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

/** Tiny GPTs with random weights for the sampler's tests. */
final class TinyModels {

    private TinyModels() {
    }

    /** Vocabulary 260 (bytes + specials), context 24, 2 layers, 2 heads, width 32. */
    static GptConfig tiny(boolean modern) {
        GptConfig base = new GptConfig(260, 24, 2, 2, 32, GptConfig.Norm.LAYER, GptConfig.Position.LEARNED,
                GptConfig.Mlp.GELU, true, false, 0, 10000, 1e-5);
        return modern ? base.modern() : base;
    }

    /**
     * The modern block as Llama 3 has it: 4 query heads sharing 2 key/value heads (grouped-query
     * attention) and llama3 rotary scaling; vocabulary 260, context 24, 2 layers, width 32.
     */
    static GptConfig tinyGqa() {
        return new GptConfig(260, 24, 2, 4, 32, GptConfig.Norm.RMS, GptConfig.Position.ROPE, GptConfig.Mlp.SWIGLU,
                false, false, 48, 10000, 1e-5, 2, new RopeScaling(RopeScaling.Kind.LLAMA3, 8, 1, 4, 16),
                false);
    }

    /**
     * A model with weights ~ N(0, 0.3²) (norm gains around 1). GPT-2's initialisation (std 0.02)
     * gives nearly flat logits that ignore the input, so greedy decoding repeats one token and
     * cannot tell a right cache from a wrong one; these weights make every logit depend on
     * every earlier token.
     */
    static GptModel sharp(GptConfig config, long seed) {
        Random random = new Random(seed);
        try (NDManager manager = NDManager.newBaseManager(Device.cpu())) {
            Map<String, NDArray> weights = new LinkedHashMap<>();
            GptWeights.shapes(config).forEach((name, shape) -> {
                float[] values = new float[Math.toIntExact(new Shape(shape).size())];
                boolean gain = shape.length == 1 && name.endsWith(".weight");
                for (int i = 0; i < values.length; i++) {
                    values[i] = (float) ((gain ? 1 : 0) + 0.3 * random.nextGaussian());
                }
                weights.put(name, manager.create(values, new Shape(shape)));
            });
            return GptModel.fromWeights(config, weights, Device.cpu());
        }
    }
}
