package dev.pairwise.policy.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class GptModelTest {

    static GptConfig tiny(String block) {
        GptConfig c = new GptConfig(11, 8, 2, 2, 16, GptConfig.Norm.LAYER, GptConfig.Position.LEARNED,
                GptConfig.Mlp.GELU, true, false, 0, 10000, 1e-5);
        return switch (block) {
            case "gpt2" -> c;
            case "gpt2-bias-untied" -> new GptConfig(11, 8, 2, 2, 16, GptConfig.Norm.LAYER,
                    GptConfig.Position.LEARNED, GptConfig.Mlp.GELU, false, true, 0, 10000, 1e-5);
            default -> c.modern();
        };
    }

    static long[] randomTokens(int n, int vocab, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        long[] t = new long[n];
        for (int i = 0; i < n; i++) {
            t[i] = r.nextInt(vocab);
        }
        return t;
    }

    @ParameterizedTest
    @ValueSource(strings = {"gpt2", "modern", "gpt2-bias-untied"})
    void changing_a_later_token_leaves_earlier_logits_unchanged(String block) {
        GptConfig c = tiny(block);
        try (GptModel model = GptModel.create(c, 1, Device.cpu()); NDManager m = NDManager.newBaseManager();
             NoGrad off = NoGrad.enter()) {
            long[] a = randomTokens(8, 11, 3);
            long[] b = a.clone();
            b[5] = (a[5] + 1) % 11;
            float[] la = model.forward(m.create(a, new Shape(1, 8))).toFloatArray();
            float[] lb = model.forward(m.create(b, new Shape(1, 8))).toFloatArray();
            int v = c.vocabSize();
            for (int i = 0; i < 5 * v; i++) {
                assertThat(lb[i]).isEqualTo(la[i]);
            }
            boolean laterChanged = false;
            for (int i = 5 * v; i < 8 * v; i++) {
                laterChanged |= la[i] != lb[i];
            }
            assertThat(laterChanged).as("position 5 onwards sees the changed token").isTrue();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"gpt2", "modern"})
    void incremental_decoding_with_the_cache_matches_the_full_forward(String block) {
        GptConfig c = tiny(block);
        try (GptModel model = GptModel.create(c, 2, Device.cpu()); NDManager m = NDManager.newBaseManager();
             NoGrad off = NoGrad.enter()) {
            long[] toks = randomTokens(16, 11, 5);
            NDArray full = model.forward(m.create(toks, new Shape(2, 8)));
            try (KvCache cache = model.newCache(m, 2)) {
                NDArray prefill = model.forward(m.create(new long[] {toks[0], toks[1], toks[2], toks[8], toks[9], toks[10]},
                        new Shape(2, 3)), cache);
                assertThat(cache.length()).isEqualTo(3);
                assertClose(prefill, full.get(":, 0:3, :"));
                for (int p = 3; p < 8; p++) {
                    NDArray step = model.forward(m.create(new long[] {toks[p], toks[8 + p]}, new Shape(2, 1)), cache);
                    assertClose(step, full.get(new NDIndex(":, {}:{}, :", p, p + 1)));
                }
                assertThat(cache.length()).isEqualTo(8);
                assertThatThrownBy(() -> model.forward(m.create(new long[] {1, 2}, new Shape(2, 1)), cache))
                        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("longer than the context");
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"gpt2", "modern"})
    void long_sequences_attended_in_causal_blocks_match_shorter_and_cached_forwards(String block) {
        // 300 positions: the full forward splits queries into blocks of 128; a 100-token prefix
        // (one block) and incremental decoding with the cache (no blocks) must give the same logits
        GptConfig c = tiny(block).withContextLength(300);
        try (GptModel model = GptModel.create(c, 4, Device.cpu()); NDManager m = NDManager.newBaseManager();
             NoGrad off = NoGrad.enter()) {
            long[] toks = randomTokens(300, 11, 9);
            NDArray full = model.forward(m.create(toks, new Shape(1, 300)));
            NDArray prefix = model.forward(m.create(java.util.Arrays.copyOf(toks, 100), new Shape(1, 100)));
            assertClose(prefix, full.get(":, 0:100, :"));
            try (KvCache cache = model.newCache(m, 1)) {
                model.forward(m.create(java.util.Arrays.copyOf(toks, 290), new Shape(1, 290)), cache);
                for (int p = 290; p < 300; p++) {
                    NDArray step = model.forward(m.create(new long[] {toks[p]}, new Shape(1, 1)), cache);
                    assertClose(step, full.get(new NDIndex(":, {}:{}, :", p, p + 1)));
                }
            }
        }
    }

    @Test
    void cache_rows_can_be_repeated_and_reordered() {
        GptConfig c = tiny("modern");
        try (GptModel model = GptModel.create(c, 2, Device.cpu()); NDManager m = NDManager.newBaseManager();
             NoGrad off = NoGrad.enter(); KvCache cache = model.newCache(m, 2)) {
            long[] toks = randomTokens(6, 11, 7);
            model.forward(m.create(toks, new Shape(2, 3)), cache);
            cache.selectRows(new int[] {1, 0, 1});
            assertThat(cache.batch()).isEqualTo(3);
            NDArray next = model.forward(m.create(new long[] {4, 4, 4}, new Shape(3, 1)), cache);
            NDArray ref = model.forward(m.create(new long[] {toks[3], toks[4], toks[5], 4, toks[0], toks[1], toks[2], 4},
                    new Shape(2, 4)));
            // rows now: old row 1, old row 0, old row 1; ref row 0 is old row 1's tokens + 4
            assertClose(next.get("0, 0"), ref.get("0, 3:4, :").squeeze(0));
            assertClose(next.get("1, 0"), ref.get("1, 3:4, :").squeeze(0));
            assertClose(next.get("2, 0"), ref.get("0, 3:4, :").squeeze(0));
            assertThatThrownBy(() -> cache.selectRows(new int[] {3})).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("out of range");
        }
    }

    @Test
    void a_prompt_longer_than_the_context_is_refused() {
        try (GptModel model = GptModel.create(tiny("gpt2"), 1, Device.cpu()); NDManager m = NDManager.newBaseManager()) {
            assertThatThrownBy(() -> model.forward(m.create(new long[9], new Shape(1, 9))))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("sequence of 9 tokens is longer than the context length 8");
        }
    }

    @Test
    void heads_that_do_not_divide_the_width_are_refused() {
        assertThatThrownBy(() -> GptConfig.of(10, 8, 1, 3, 16)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("heads (3) must divide width (16)");
        assertThatThrownBy(() -> GptConfig.of(0, 8, 1, 2, 16)).hasMessageContaining("vocabSize");
        assertThatThrownBy(() -> GptConfig.preset("huge", 10)).hasMessageContaining("unknown preset 'huge'");
    }

    @Test
    void presets_have_the_issue_sizes_and_nanogpt_parameter_count() {
        GptConfig nano = GptConfig.preset("nanogpt-cpu", 65);
        assertThat(nano.layers()).isEqualTo(4);
        assertThat(nano.heads()).isEqualTo(4);
        assertThat(nano.width()).isEqualTo(128);
        assertThat(nano.contextLength()).isEqualTo(64);
        long params = GptWeights.shapes(nano).values().stream()
                .mapToLong(s -> java.util.Arrays.stream(s).reduce(1, (x, y) -> x * y)).sum();
        // the peer's config A (gpt_train.py, no biases, tied): 0.80M parameters
        assertThat(params).isEqualTo(4 * (2 * 128 + 3 * 128 * 128 + 128 * 128 + 8 * 128 * 128) + 128 + 65 * 128 + 64 * 128);
        GptConfig small = GptConfig.preset("gpt-small", 65);
        assertThat(small.width()).isEqualTo(384);
        assertThat(small.contextLength()).isEqualTo(256);
        assertThat(GptConfig.nanogptCpu(65).modern().hidden()).isEqualTo(352);
    }

    @Test
    void config_json_round_trips() {
        for (String b : new String[] {"gpt2", "modern", "gpt2-bias-untied"}) {
            GptConfig c = tiny(b);
            assertThat(GptConfigJson.read(GptConfigJson.write(c))).isEqualTo(c);
        }
        assertThatThrownBy(() -> GptConfigJson.read("{\"vocab_size\": 3}")).hasMessageContaining("missing field");
    }

    @Test
    void weights_of_the_wrong_shape_are_refused_with_the_tensor_name() {
        GptConfig c = tiny("gpt2");
        try (GptModel model = GptModel.create(c, 1, Device.cpu()); NDManager m = NDManager.newBaseManager()) {
            Map<String, NDArray> w = new LinkedHashMap<>(model.parameters());
            w.put("transformer.h.1.attn.c_proj.weight", m.zeros(new Shape(16, 15)));
            assertThatThrownBy(() -> GptModel.fromWeights(c, w, Device.cpu()))
                    .hasMessageContaining("transformer.h.1.attn.c_proj.weight").hasMessageContaining("(16, 15)");
            w.remove("transformer.h.1.attn.c_proj.weight");
            assertThatThrownBy(() -> GptModel.fromWeights(c, w, Device.cpu()))
                    .hasMessageContaining("missing tensor 'transformer.h.1.attn.c_proj.weight'");
            try (GptModel copy = GptModel.fromWeights(c, model.parameters(), Device.cpu())) {
                assertThat(copy.parameterCount()).isEqualTo(model.parameterCount());
            }
        }
    }

    @Test
    void initialisation_is_reproducible_from_the_seed() {
        GptConfig c = tiny("modern");
        try (GptModel a = GptModel.create(c, 9, Device.cpu()); GptModel b = GptModel.create(c, 9, Device.cpu());
             GptModel d = GptModel.create(c, 10, Device.cpu())) {
            String name = "transformer.h.0.mlp.c_fc.weight";
            assertThat(a.parameters().get(name).toFloatArray()).containsExactly(b.parameters().get(name).toFloatArray());
            assertThat(a.parameters().get(name).toFloatArray()).isNotEqualTo(d.parameters().get(name).toFloatArray());
        }
    }

    static void assertClose(NDArray actual, NDArray expected) {
        assertThat(actual.getShape()).isEqualTo(expected.getShape());
        float[] a = actual.toFloatArray();
        float[] e = expected.toFloatArray();
        for (int i = 0; i < a.length; i++) {
            assertThat(a[i]).as("element %d", i).isCloseTo(e[i], org.assertj.core.data.Offset.offset(1e-4f));
        }
    }
}
