package dev.pairwise.app.sampling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class RewardComparisonTest {

    @Test
    void ties_count_half_a_win() {
        // A wins prompt 0, ties prompt 1, loses prompt 2 and 3: (1 + 0.5) / 4.
        RewardComparison c = RewardComparison.of(new float[] {2f, 1f, 0f, -1f}, new float[] {1f, 1f, 0.5f, 3f});
        assertThat(c.winRate()).isEqualTo(0.375);
        assertThat(c.wins()).isEqualTo(1);
        assertThat(c.ties()).isEqualTo(1);
        assertThat(c.losses()).isEqualTo(2);
        assertThat(c.meanA()).isCloseTo(0.5, within(1e-9));
        assertThat(c.meanB()).isCloseTo(1.375, within(1e-9));
    }

    @Test
    void a_policy_against_identical_scores_wins_exactly_half() {
        float[] same = {0.3f, -2f, 7f};
        assertThat(RewardComparison.of(same, same.clone()).winRate()).isEqualTo(0.5);
    }

    @Test
    void mismatched_or_empty_scores_are_refused() {
        assertThatThrownBy(() -> RewardComparison.of(new float[] {1f}, new float[] {1f, 2f}))
                .hasMessageContaining("same positive number");
        assertThatThrownBy(() -> RewardComparison.of(new float[0], new float[0]))
                .hasMessageContaining("same positive number");
    }
}
