package dev.pairwise.policy.lora;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import dev.pairwise.policy.model.GptConfig;
import dev.pairwise.policy.model.GptModel;
import dev.pairwise.policy.train.AdamW;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Set;

class LoraAdaptersTest {

    static GptConfig tiny() {
        return GptConfig.of(16, 8, 2, 2, 32);
    }

    private static float[] logits(GptModel model, NDManager m) {
        NDArray tokens = m.create(new int[] {1, 2, 3, 4, 5, 6}, new Shape(1, 6));
        return model.forward(tokens).toFloatArray();
    }

    @Test
    void a_fresh_adapter_with_b_zero_leaves_outputs_unchanged() {
        try (GptModel model = GptModel.create(tiny(), 1, Device.cpu()); NDManager m = NDManager.newBaseManager();
                LoraAdapters lora = new LoraAdapters(model, LoraConfig.defaults(), 7)) {
            float[] before = logits(model, m);
            lora.apply();
            assertThat(logits(model, m)).containsExactly(before, within(1e-6f));
            assertThat(lora.parameters().keySet()).contains("transformer.h.0.attn.c_attn.weight.lora_A",
                    "transformer.h.0.attn.c_proj.weight.lora_B");
        }
    }

    @Test
    void training_moves_only_the_adapters_and_b_gets_the_chain_rule_gradient() {
        LoraConfig cfg = new LoraConfig(2, 4, Set.of("attn.c_attn"), true);
        try (GptModel model = GptModel.create(tiny(), 1, Device.cpu()); NDManager m = NDManager.newBaseManager();
                LoraAdapters lora = new LoraAdapters(model, cfg, 7);
                AdamW opt = new AdamW(lora.parameters(), m)) {
            String w = "transformer.h.0.attn.c_attn.weight";
            float[] before = logits(model, m);
            float[] mlpBefore = model.parameters().get("transformer.h.0.mlp.c_fc.weight").toFloatArray();
            NDArray tokens = m.create(new int[] {1, 2, 3, 4, 5, 6}, new Shape(1, 6));
            NDArray targets = m.create(new int[] {2, 3, 4, 5, 6, 7}, new Shape(1, 6));
            try (GradientCollector gc = Engine.getEngine("PyTorch").newGradientCollector()) {
                gc.backward(GptModel.loss(model.forward(tokens), targets));
            }
            NDArray g = model.parameters().get(w).getGradient().duplicate();
            lora.backward();
            // B = 0, so ∂L/∂A = 0 and ∂L/∂B = s·G·Aᵀ
            NDArray expectedB = g.matMul(lora.parameters().get(w + ".lora_A").transpose()).mul(2f);
            assertThat(lora.parameters().get(w + ".lora_B").getGradient().toFloatArray())
                    .containsExactly(expectedB.toFloatArray(), within(1e-5f));
            assertThat(lora.parameters().get(w + ".lora_A").getGradient().abs().max().getFloat()).isZero();
            assertThat(model.parameters().get(w).getGradient().abs().max().getFloat()).isZero();
            try (NDManager scratch = m.newSubManager()) {
                opt.update(1e-2, 0, 0.9, 0.99, 1e-8, 1f, scratch);
            }
            lora.apply();
            assertThat(logits(model, m)).isNotEqualTo(before);
            assertThat(model.parameters().get("transformer.h.0.mlp.c_fc.weight").toFloatArray()).isEqualTo(mlpBefore);
            Map<String, NDArray> baseW = lora.baseWeights();
            assertThat(baseW.get(w).toFloatArray()).isNotEqualTo(model.parameters().get(w).toFloatArray());
        }
    }

    @Test
    void unknown_targets_are_rejected() {
        assertThatThrownBy(() -> new LoraConfig(4, 8, Set.of("attn.q_proj"), true)).hasMessageContaining("q_proj");
        assertThatThrownBy(() -> new LoraConfig(0, 8, Set.of("attn.c_attn"), true)).hasMessageContaining("rank");
    }
}
