package dev.pairwise.policy.sample;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import dev.pairwise.policy.model.GptConfig;
import dev.pairwise.policy.model.GptModel;
import dev.pairwise.policy.model.KvCache;
import dev.pairwise.policy.model.NoGrad;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The contract: with the cache, logits equal a full forward pass within 1e-4. */
class KvCacheEquivalenceTest {

    @ParameterizedTest(name = "block: {0}")
    @ValueSource(strings = {"gpt2", "modern", "grouped-query"})
    void incremental_decoding_gives_the_logits_of_a_full_forward_pass(String block) {
        int b = 3;
        int t = 20;
        int prefill = 7;
        int[] ids = new SplittableRandom(11).ints((long) b * t, 0, 260).toArray();
        GptConfig config = switch (block) {
            case "gpt2" -> TinyModels.tiny(false);
            case "modern" -> TinyModels.tiny(true);
            default -> TinyModels.tinyGqa();
        };
        try (GptModel model = TinyModels.sharp(config, 5);
             NoGrad off = NoGrad.enter();
             NDManager manager = NDManager.newBaseManager(Device.cpu())) {
            NDArray tokens = manager.create(ids, new Shape(b, t));
            float[] full = model.forward(tokens).toFloatArray();
            int v = 260;
            try (KvCache cache = model.newCache(manager, b)) {
                NDArray first = model.forward(tokens.get(new NDIndex(":, 0:{}", prefill)), cache);
                assertClose(first, full, 0, prefill, b, t, v);
                for (int pos = prefill; pos < t; pos++) {
                    try (NDManager step = manager.newSubManager()) {
                        NDArray one = tokens.get(new NDIndex(":, {}:{}", pos, pos + 1));
                        one.attach(step);
                        assertClose(model.forward(one, cache), full, pos, pos + 1, b, t, v);
                    }
                }
                assertThat(cache.length()).isEqualTo(t);
            }
        }
    }

    /** Compares {@code part (b, to-from, v)} with positions {@code from..to} of {@code full (b, t, v)}. */
    private static void assertClose(NDArray part, float[] full, int from, int to, int b, int t, int v) {
        float[] got = part.toFloatArray();
        int span = to - from;
        double worst = 0;
        for (int r = 0; r < b; r++) {
            for (int p = 0; p < span; p++) {
                for (int x = 0; x < v; x++) {
                    double d = Math.abs(got[(r * span + p) * v + x] - full[(r * t + from + p) * v + x]);
                    worst = Math.max(worst, d);
                }
            }
        }
        assertThat(worst).as("largest |cached - full| at positions %d..%d", from, to - 1).isLessThan(1e-4);
    }
}
