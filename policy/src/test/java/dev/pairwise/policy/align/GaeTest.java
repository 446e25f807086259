package dev.pairwise.policy.align;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class GaeTest {

    @Test
    void matches_a_hand_computed_example() {
        // γ 0.9, λ 0.8: δ2 = 1 − 0.7 = 0.3; δ1 = 0.9·0.7 − 0.6 = 0.03; δ0 = 0.9·0.6 − 0.5 = 0.04
        // A2 = 0.3; A1 = 0.03 + 0.72·0.3 = 0.246; A0 = 0.04 + 0.72·0.246 = 0.21712
        Gae.Result r = Gae.compute(new float[] {0, 0, 1}, new float[] {0.5f, 0.6f, 0.7f}, 0.9f, 0.8f);
        assertThat(r.advantages()).containsExactly(new float[] {0.21712f, 0.246f, 0.3f}, within(1e-6f));
        assertThat(r.returns()).containsExactly(new float[] {0.71712f, 0.846f, 1.0f}, within(1e-6f));
    }

    @Test
    void with_gamma_and_lambda_one_advantage_is_return_minus_value() {
        Gae.Result r = Gae.compute(new float[] {0, 0, 1}, new float[] {0.5f, 0.6f, 0.7f}, 1f, 1f);
        assertThat(r.advantages()).containsExactly(new float[] {0.5f, 0.4f, 0.3f}, within(1e-6f));
        assertThat(r.returns()).containsExactly(new float[] {1f, 1f, 1f}, within(1e-6f));
    }

    @Test
    void kl_penalty_at_every_token_and_score_at_the_last() {
        float[] rewards = Gae.klPenalisedRewards(2f, new float[] {-1f, -2f}, new float[] {-1.5f, -1f}, 0.1f);
        assertThat(rewards).containsExactly(new float[] {-0.05f, 2.1f}, within(1e-6f));
    }

    @Test
    void mismatched_lengths_are_rejected() {
        assertThatThrownBy(() -> Gae.compute(new float[2], new float[3], 1f, 0.95f)).hasMessageContaining("length");
    }
}
