package dev.pairwise.rewardmodel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class BradleyTerryLossTest {

    private final NDManager manager = NDManager.newBaseManager();

    @AfterEach
    void close() {
        manager.close();
    }

    private static double softplus(double x) {
        return Math.log1p(Math.exp(x));
    }

    @Test
    void single_pair_is_minus_log_sigmoid_of_the_difference() {
        NDArray r = manager.create(new float[] {2f, 1f});
        float loss = BradleyTerryLoss.loss(r, new int[] {0}, new int[] {1}, new int[] {0}, null, 0f).getFloat();
        assertThat(loss).isCloseTo((float) softplus(-1), within(1e-6f));
    }

    @Test
    void pairs_are_averaged_within_their_judgment_then_over_judgments() {
        // group 0: ranking 0 > 1 > 2 with rewards 2, 1, 0 → diffs 1, 2, 1; group 1: one pair with diff −1
        NDArray r = manager.create(new float[] {2f, 1f, 0f, 0.5f, 1.5f});
        float loss = BradleyTerryLoss.loss(r, new int[] {0, 0, 1, 3}, new int[] {1, 2, 2, 4},
                new int[] {0, 0, 0, 1}, null, 0f).getFloat();
        double group0 = (2 * softplus(-1) + softplus(-2)) / 3;
        double expected = (group0 + softplus(1)) / 2;
        assertThat(loss).isCloseTo((float) expected, within(1e-6f));
        double flat = (2 * softplus(-1) + softplus(-2) + softplus(1)) / 4;
        assertThat(Math.abs(loss - flat)).isGreaterThan(0.2);
    }

    @Test
    void margin_is_subtracted_from_the_difference() {
        NDArray r = manager.create(new float[] {2f, 1f});
        float loss = BradleyTerryLoss.loss(r, new int[] {0}, new int[] {1}, new int[] {0}, new float[] {1f}, 0f)
                .getFloat();
        assertThat(loss).isCloseTo((float) Math.log(2), within(1e-6f));
    }

    @Test
    void centering_adds_coefficient_times_mean_squared_sum() {
        NDArray r = manager.create(new float[] {2f, 1f});
        float loss = BradleyTerryLoss.loss(r, new int[] {0}, new int[] {1}, new int[] {0}, null, 0.01f).getFloat();
        assertThat(loss).isCloseTo((float) (softplus(-1) + 0.01 * 9), within(1e-6f));
    }

    @Test
    void gaps_in_group_ids_are_rejected() {
        NDArray r = manager.create(new float[] {2f, 1f});
        assertThatThrownBy(() -> BradleyTerryLoss.loss(r, new int[] {0}, new int[] {1}, new int[] {1}, null, 0f))
                .hasMessageContaining("group 0 is empty");
    }

    @Test
    void metrics_count_accuracy_rewards_and_margin() {
        RewardMetrics m = RewardMetrics.of(new float[] {2f, 0f, 1f}, new float[] {1f, 3f, 1f});
        assertThat(m.accuracy()).isCloseTo(0.5, within(1e-9)); // 1 right, 1 wrong, 1 tie (half)
        assertThat(m.meanReward()).isCloseTo(8.0 / 6, within(1e-9));
        assertThat(m.minReward()).isEqualTo(0.0);
        assertThat(m.maxReward()).isEqualTo(3.0);
        assertThat(m.meanMargin()).isCloseTo(-2.0 / 3, within(1e-9));
    }
}
