package dev.pairwise.policy.align;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TokenLossesTest {

    private static final float LN3 = (float) Math.log(3);
    private final NDManager manager = NDManager.newBaseManager();

    @AfterEach
    void close() {
        manager.close();
    }

    /** Positions: uniform over 2, (3/4, 1/4), uniform over 2. */
    private NDArray logits(float firstA, float firstB) {
        return manager.create(new float[] {firstA, firstB, LN3, 0f, 0f, 0f}, new Shape(1, 3, 2));
    }

    @Test
    void cross_entropy_averages_over_response_tokens_only() {
        NDArray labels = manager.create(new int[] {0, 0, 1}, new Shape(1, 3));
        NDArray mask = manager.create(new float[] {0, 1, 1}, new Shape(1, 3));
        float loss = TokenLosses.maskedCrossEntropy(logits(0f, 0f), labels, mask).getFloat();
        // −(log 3/4 + log 1/2) / 2
        assertThat(loss).isCloseTo((float) (-(Math.log(0.75) + Math.log(0.5)) / 2), within(1e-5f));
    }

    @Test
    void cross_entropy_ignores_prompt_tokens() {
        NDArray mask = manager.create(new float[] {0, 1, 1}, new Shape(1, 3));
        float a = TokenLosses.maskedCrossEntropy(logits(0f, 0f),
                manager.create(new int[] {0, 0, 1}, new Shape(1, 3)), mask).getFloat();
        // A very different prompt position (logits and label) leaves the loss unchanged.
        float b = TokenLosses.maskedCrossEntropy(logits(-9f, 7f),
                manager.create(new int[] {0, 0, 1}, new Shape(1, 3)), mask).getFloat();
        float c = TokenLosses.maskedCrossEntropy(logits(0f, 0f),
                manager.create(new int[] {1, 0, 1}, new Shape(1, 3)), mask).getFloat();
        assertThat(b).isEqualTo(a);
        assertThat(c).isEqualTo(a);
        // ...while the unmasked loss does see it.
        float all = TokenLosses.maskedCrossEntropy(logits(-9f, 7f),
                manager.create(new int[] {0, 0, 1}, new Shape(1, 3)), manager.ones(new Shape(1, 3))).getFloat();
        assertThat(all).isGreaterThan(a + 1f);
    }

    @Test
    void an_empty_mask_is_an_error() {
        NDArray labels = manager.create(new int[] {0, 0, 1}, new Shape(1, 3));
        assertThatThrownBy(() -> TokenLosses.maskedCrossEntropy(logits(0f, 0f), labels, manager.zeros(new Shape(1, 3))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("mask");
    }

    @Test
    void sequence_log_prob_sums_masked_tokens_per_row() {
        NDArray lg = manager.create(new float[] {0f, 0f, LN3, 0f, 0f, 0f, LN3, 0f}, new Shape(2, 2, 2));
        NDArray labels = manager.create(new int[] {0, 1, 0, 0}, new Shape(2, 2));
        NDArray mask = manager.create(new float[] {1, 1, 0, 1}, new Shape(2, 2));
        float[] lp = TokenLosses.sequenceLogProbs(lg, labels, mask).toFloatArray();
        assertThat(lp[0]).isCloseTo((float) (Math.log(0.5) + Math.log(0.25)), within(1e-5f));
        assertThat(lp[1]).isCloseTo((float) Math.log(0.75), within(1e-5f));
    }

    @Test
    void entropy_of_uniform_and_skewed_distributions() {
        float[] h = TokenLosses.entropy(logits(0f, 0f)).toFloatArray();
        assertThat(h[0]).isCloseTo((float) Math.log(2), within(1e-5f));
        assertThat(h[1]).isCloseTo((float) -(0.75 * Math.log(0.75) + 0.25 * Math.log(0.25)), within(1e-5f));
    }
}
