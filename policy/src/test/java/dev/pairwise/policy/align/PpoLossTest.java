package dev.pairwise.policy.align;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PpoLossTest {

    private final NDManager manager = NDManager.newBaseManager();

    @AfterEach
    void close() {
        manager.close();
    }

    private static float[] logs(float... xs) {
        float[] out = new float[xs.length];
        for (int i = 0; i < xs.length; i++) {
            out[i] = (float) Math.log(xs[i]);
        }
        return out;
    }

    @Test
    void surrogate_is_clipped_on_constructed_ratios() {
        // ratios 0.5, 1, 1.5, 1.5, 0.5 with advantages 1, 1, 1, −1, −1 and ε = 0.2:
        // max(−A·r, −A·clip(r)) = −0.5, −1, −1.2 (clipped), 1.5, 0.8 (clipped) → mean −0.08
        NDArray logp = manager.create(logs(0.5f, 1f, 1.5f, 1.5f, 0.5f));
        NDArray old = manager.zeros(logp.getShape());
        NDArray adv = manager.create(new float[] {1, 1, 1, -1, -1});
        NDArray mask = manager.ones(logp.getShape());
        logp.setRequiresGradient(true);
        try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
            PpoLoss.PolicyTerms t = PpoLoss.policy(logp, old, adv, mask, 0.2f);
            assertThat(t.loss().getFloat()).isCloseTo(-0.08f, within(1e-6f));
            assertThat(t.clipFraction()).isCloseTo(0.4f, within(1e-6f));
            assertThat(t.ratioMean()).isCloseTo(1.0f, within(1e-6f));
            double k3 = 2 * (-0.5 + Math.log(2)) + 2 * (0.5 - Math.log(1.5));
            assertThat(t.approxKl()).isCloseTo((float) (k3 / 5), within(1e-6f));
            gc.backward(t.loss());
        }
        // Clipped tokens get no gradient; the others get −A·r/5.
        assertThat(logp.getGradient().toFloatArray()).containsExactly(
                new float[] {-0.1f, -0.2f, 0f, 0.3f, 0f}, within(1e-6f));
    }

    @Test
    void masked_tokens_do_not_count() {
        NDArray logp = manager.create(logs(0.5f, 3f));
        NDArray adv = manager.create(new float[] {1, 1});
        NDArray mask = manager.create(new float[] {1, 0});
        PpoLoss.PolicyTerms t = PpoLoss.policy(logp, manager.zeros(logp.getShape()), adv, mask, 0.2f);
        assertThat(t.loss().getFloat()).isCloseTo(-0.5f, within(1e-6f));
        assertThat(t.clipFraction()).isZero();
    }

    @Test
    void value_loss_takes_the_larger_of_clipped_and_unclipped_error() {
        // token 0: V 1, old 0.5, R 2 → clipped V 0.7: max(1, 1.69); token 1: V 0, old 0.5, R 0 → 0.3: max(0, 0.09)
        NDArray v = manager.create(new float[] {1f, 0f});
        NDArray old = manager.create(new float[] {0.5f, 0.5f});
        NDArray ret = manager.create(new float[] {2f, 0f});
        NDArray mask = manager.ones(v.getShape());
        assertThat(PpoLoss.value(v, old, ret, mask, 0.2f).getFloat()).isCloseTo(0.445f, within(1e-6f));
        assertThat(PpoLoss.valueClipFraction(v, old, ret, mask, 0.2f)).isCloseTo(1f, within(1e-6f));
    }
}
