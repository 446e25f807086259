package dev.pairwise.policy.align;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

import java.util.List;

class WhiteningTest {

    @Test
    void whitening_spans_all_sequences_of_the_batch() {
        // mean 2.5, unbiased variance 5/3
        List<float[]> w = Whitening.whiten(List.of(new float[] {1, 2, 3}, new float[] {4}), true);
        float s = (float) Math.sqrt(5.0 / 3.0);
        assertThat(w.get(0)).containsExactly(new float[] {-1.5f / s, -0.5f / s, 0.5f / s}, within(1e-5f));
        assertThat(w.get(1)).containsExactly(new float[] {1.5f / s}, within(1e-5f));
    }

    @Test
    void without_shift_the_mean_is_kept() {
        List<float[]> w = Whitening.whiten(List.of(new float[] {1, 2, 3}, new float[] {4}), false);
        float s = (float) Math.sqrt(5.0 / 3.0);
        assertThat(w.get(0)[0]).isCloseTo(2.5f - 1.5f / s, within(1e-5f));
    }

    @Test
    void explained_variance_is_one_for_perfect_values_and_zero_for_the_mean() {
        List<float[]> returns = List.of(new float[] {1, 2, 3});
        assertThat(Whitening.explainedVariance(List.of(new float[] {1, 2, 3}), returns)).isCloseTo(1.0, within(1e-9));
        assertThat(Whitening.explainedVariance(List.of(new float[] {2, 2, 2}), returns)).isCloseTo(0.0, within(1e-9));
    }
}
