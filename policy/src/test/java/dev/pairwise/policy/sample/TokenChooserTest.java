package dev.pairwise.policy.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class TokenChooserTest {

    /** log-probabilities of the distribution {0.5, 0.25, 0.15, 0.10} in a shuffled order. */
    private static final float[] LOGITS = {
            (float) Math.log(0.15), (float) Math.log(0.5), (float) Math.log(0.10), (float) Math.log(0.25)};

    @Test
    void softmax_at_temperature_one_recovers_the_distribution() {
        double[] p = TokenChooser.distribution(LOGITS, 1.0, 0, 1.0);
        assertThat(p).containsExactly(new double[] {0.15, 0.5, 0.10, 0.25}, within(1e-6));
    }

    @Test
    void top_p_keeps_the_smallest_prefix_whose_mass_reaches_p() {
        // sorted: 0.5 (id 1), 0.25 (id 3), 0.15 (id 0), 0.10 (id 2); cumulative 0.5, 0.75, 0.9, 1.0
        assertThat(TokenChooser.distribution(LOGITS, 1.0, 0, 0.7))
                .containsExactly(new double[] {0, 0.5 / 0.75, 0, 0.25 / 0.75}, within(1e-6));
        assertThat(TokenChooser.distribution(LOGITS, 1.0, 0, 0.74))
                .containsExactly(new double[] {0, 0.5 / 0.75, 0, 0.25 / 0.75}, within(1e-6));
        assertThat(TokenChooser.distribution(LOGITS, 1.0, 0, 0.76))
                .containsExactly(new double[] {0.15 / 0.9, 0.5 / 0.9, 0, 0.25 / 0.9}, within(1e-6));
    }

    @Test
    void top_p_below_the_top_probability_keeps_only_the_top_token() {
        assertThat(TokenChooser.distribution(LOGITS, 1.0, 0, 0.1)).containsExactly(new double[] {0, 1, 0, 0}, within(1e-12));
    }

    @Test
    void top_k_keeps_the_k_most_likely_and_top_p_then_cuts_within_them() {
        assertThat(TokenChooser.distribution(LOGITS, 1.0, 2, 1.0))
                .containsExactly(new double[] {0, 0.5 / 0.75, 0, 0.25 / 0.75}, within(1e-6));
        // within the top 3 (mass 0.9) the renormalised cumulative is 0.556, 0.833, 1: p = 0.8 keeps 2
        assertThat(TokenChooser.distribution(LOGITS, 1.0, 3, 0.8))
                .containsExactly(new double[] {0, 0.5 / 0.75, 0, 0.25 / 0.75}, within(1e-6));
    }

    @Test
    void low_temperature_sharpens_and_high_temperature_flattens() {
        double[] cold = TokenChooser.distribution(LOGITS, 0.5, 0, 1.0);
        double[] hot = TokenChooser.distribution(LOGITS, 2.0, 0, 1.0);
        assertThat(cold[1]).isCloseTo(0.25 / (0.0225 + 0.25 + 0.01 + 0.0625), within(1e-6));
        assertThat(hot[1]).isLessThan(0.5).isGreaterThan(hot[3]);
    }

    @Test
    void ties_at_a_cut_keep_the_lower_id() {
        float[] flat = {1f, 1f, 1f, 1f};
        assertThat(TokenChooser.distribution(flat, 1.0, 2, 1.0)).containsExactly(new double[] {0.5, 0.5, 0, 0}, within(1e-12));
        assertThat(TokenChooser.argmax(flat)).isZero();
    }

    @Test
    void top_k_of_one_is_greedy_whatever_the_temperature() {
        SamplingConfig topOne = SamplingConfig.defaults().withTopK(1).withTemperature(5.0);
        SplittableRandom rng = new SplittableRandom(7);
        for (int i = 0; i < 50; i++) {
            assertThat(TokenChooser.choose(LOGITS, topOne, rng)).isEqualTo(1);
        }
        assertThat(TokenChooser.distribution(LOGITS, 5.0, 1, 1.0)).containsExactly(new double[] {0, 1, 0, 0}, within(1e-12));
    }

    @Test
    void draws_follow_the_distribution() {
        SplittableRandom rng = new SplittableRandom(1);
        int[] counts = new int[4];
        int n = 40_000;
        SamplingConfig config = SamplingConfig.defaults();
        for (int i = 0; i < n; i++) {
            counts[TokenChooser.choose(LOGITS, config, rng)]++;
        }
        double[] expected = {0.15, 0.5, 0.10, 0.25};
        for (int i = 0; i < 4; i++) {
            assertThat(counts[i] / (double) n).isCloseTo(expected[i], within(0.01));
        }
    }

    @Test
    void truncated_tokens_are_never_drawn() {
        SplittableRandom rng = new SplittableRandom(3);
        SamplingConfig nucleus = SamplingConfig.defaults().withTopP(0.7);
        for (int i = 0; i < 2_000; i++) {
            assertThat(TokenChooser.choose(LOGITS, nucleus, rng)).isIn(1, 3);
        }
    }

    @Test
    void negative_infinity_logits_get_no_mass() {
        float[] masked = {Float.NEGATIVE_INFINITY, 0f, Float.NEGATIVE_INFINITY};
        assertThat(TokenChooser.distribution(masked, 1.0, 0, 0.9)).containsExactly(new double[] {0, 1, 0}, within(0.0));
    }
}
