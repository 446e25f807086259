package dev.pairwise.rewardmodel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.pairwise.policy.data.pairs.Turn;
import java.util.List;
import org.junit.jupiter.api.Test;

class RewardMarginTest {

    @Test
    void the_margin_is_the_smallest_gap_between_adjacent_sorted_scores() {
        assertThat(RewardMargin.smallestGap(List.of("a", "b"), new float[] {0.25f, 1.0f})).isCloseTo(0.75, within(1e-6));
        assertThat(RewardMargin.smallestGap(List.of("a", "b", "c", "d"), new float[] {3f, -1f, 2.5f, 0f}))
                .isCloseTo(0.5, within(1e-6));
    }

    @Test
    void identical_texts_count_once_and_a_single_distinct_text_has_no_margin() {
        assertThat(RewardMargin.smallestGap(List.of("x", "x ", "y"), new float[] {1f, 1f, 3f})).isCloseTo(2.0, within(1e-6));
        assertThat(RewardMargin.smallestGap(List.of("x", "x"), new float[] {1f, 1f})).isNull();
    }

    @Test
    void many_tasks_are_scored_in_one_pass_and_split_back_per_task() {
        // a reward function that scores a response by its length
        List<Double> m = RewardMargin.of((prompts, responses) -> {
            float[] out = new float[responses.size()];
            for (int i = 0; i < out.length; i++) {
                out[i] = responses.get(i).length();
            }
            return out;
        }, List.of(Turn.user("p"), Turn.user("q")), List.of(List.of("a", "aaaa", "aa"), List.of("same", "same")));
        assertThat(m).hasSize(2);
        assertThat(m.get(0)).isCloseTo(1.0, within(1e-6));
        assertThat(m.get(1)).isNull();
    }
}
