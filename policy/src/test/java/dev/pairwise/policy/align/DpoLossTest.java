package dev.pairwise.policy.align;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.Map;

class DpoLossTest {

    private final NDManager manager = NDManager.newBaseManager();

    @AfterEach
    void close() {
        manager.close();
    }

    private NDArray a(float... xs) {
        return manager.create(xs);
    }

    private static double softplus(double x) {
        return Math.log1p(Math.exp(x));
    }

    @Test
    void loss_is_log_2_when_policy_equals_reference() {
        NDArray c = a(-3.2f, -10f, -0.5f);
        NDArray r = a(-4.1f, -2f, -7f);
        for (float eps : new float[] {0f, 0.1f}) {
            float loss = DpoLoss.compute(c, r, c.duplicate(), r.duplicate(), 0.1f, DpoLossType.SIGMOID, eps)
                    .loss().getFloat();
            assertThat(loss).isCloseTo((float) Math.log(2), within(1e-6f));
        }
    }

    // h = (−1 − −2) − (−3 − −2) = 2, β = 0.5 → βh = 1
    private DpoLoss.Output handExample(DpoLossType type, float beta, float eps) {
        return DpoLoss.compute(a(-1f), a(-3f), a(-2f), a(-2f), beta, type, eps);
    }

    @Test
    void sigmoid_loss_matches_hand_value() {
        assertThat(handExample(DpoLossType.SIGMOID, 0.5f, 0f).loss().getFloat())
                .isCloseTo((float) softplus(-1), within(1e-6f));
    }

    @Test
    void label_smoothing_mixes_in_the_flipped_label() {
        double expected = 0.9 * softplus(-1) + 0.1 * softplus(1);
        assertThat(handExample(DpoLossType.SIGMOID, 0.5f, 0.1f).loss().getFloat())
                .isCloseTo((float) expected, within(1e-6f));
    }

    @Test
    void ipo_regresses_the_margin_to_one_over_two_beta() {
        // (h − 1/(2β))² = (2 − 1)² ; at β = 0.25: (2 − 2)² = 0
        assertThat(handExample(DpoLossType.IPO, 0.5f, 0f).loss().getFloat()).isCloseTo(1f, within(1e-6f));
        assertThat(handExample(DpoLossType.IPO, 0.25f, 0f).loss().getFloat()).isCloseTo(0f, within(1e-6f));
    }

    @Test
    void hinge_is_zero_past_the_margin() {
        assertThat(handExample(DpoLossType.HINGE, 0.5f, 0f).loss().getFloat()).isCloseTo(0f, within(1e-6f));
        assertThat(handExample(DpoLossType.HINGE, 0.25f, 0f).loss().getFloat()).isCloseTo(0.5f, within(1e-6f));
    }

    @Test
    void metrics_use_trl_names_and_implicit_rewards() {
        NDArray pc = a(-1f, -5f);
        NDArray pr = a(-3f, -4f);
        DpoLoss.Output out = DpoLoss.compute(pc, pr, a(-2f, -5f), a(-2f, -5f), 0.5f, DpoLossType.SIGMOID, 0f);
        Map<String, Double> m = DpoLoss.metrics(out, pc, pr);
        // chosen rewards 0.5·[1, 0], rejected 0.5·[−1, 1]
        assertThat(m.get("rewards/chosen")).isCloseTo(0.25, within(1e-6));
        assertThat(m.get("rewards/rejected")).isCloseTo(0.0, within(1e-6));
        assertThat(m.get("rewards/margins")).isCloseTo(0.25, within(1e-6));
        assertThat(m.get("rewards/accuracies")).isCloseTo(0.5, within(1e-6));
        assertThat(m.get("logps/chosen")).isCloseTo(-3.0, within(1e-6));
        assertThat(m.get("logps/rejected")).isCloseTo(-3.5, within(1e-6));
    }

    @Test
    void bad_beta_or_smoothing_is_rejected() {
        assertThatThrownBy(() -> handExample(DpoLossType.SIGMOID, 0f, 0f)).hasMessageContaining("beta");
        assertThatThrownBy(() -> handExample(DpoLossType.SIGMOID, 0.1f, 0.5f)).hasMessageContaining("labelSmoothing");
    }
}
