package dev.pairwise.app.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class RankingTest {

    private final Ranking ranking = new Ranking(List.of(11L, 12L, 13L, 14L));

    @Test
    void starts_with_every_response_unranked() {
        assertThat(ranking.unranked()).containsExactly(11L, 12L, 13L, 14L);
        assertThat(ranking.tiers()).isEmpty();
        assertThat(ranking.isComplete()).isFalse();
    }

    @Test
    void placing_in_typed_order_builds_a_strict_ranking() {
        ranking.place(13L);
        ranking.place(11L);
        ranking.place(14L);
        ranking.place(12L);
        assertThat(ranking.tiers()).containsExactly(List.of(13L), List.of(11L), List.of(14L), List.of(12L));
        assertThat(ranking.isComplete()).isTrue();
    }

    @Test
    void placing_a_placed_response_again_changes_nothing() {
        ranking.place(11L);
        ranking.place(12L);
        ranking.place(11L);
        assertThat(ranking.tiers()).containsExactly(List.of(11L), List.of(12L));
    }

    @Test
    void tie_joins_the_tier_above() {
        ranking.place(12L);
        ranking.place(11L);
        ranking.tieWithAbove(11L);
        ranking.place(14L);
        ranking.place(13L);
        assertThat(ranking.tiers()).containsExactly(List.of(12L, 11L), List.of(14L), List.of(13L));
    }

    @Test
    void tie_on_the_top_tier_does_nothing() {
        ranking.place(12L);
        ranking.tieWithAbove(12L);
        assertThat(ranking.tiers()).containsExactly(List.of(12L));
    }

    @Test
    void moving_up_a_lone_response_swaps_it_with_the_tier_above() {
        ranking.place(11L);
        ranking.place(12L);
        ranking.moveUp(12L);
        assertThat(ranking.tiers()).containsExactly(List.of(12L), List.of(11L));
        ranking.moveUp(12L);
        assertThat(ranking.tiers()).containsExactly(List.of(12L), List.of(11L));
    }

    @Test
    void moving_a_tied_response_splits_it_out_of_its_tier() {
        ranking.place(11L);
        ranking.place(12L);
        ranking.tieWithAbove(12L);
        ranking.moveDown(12L);
        assertThat(ranking.tiers()).containsExactly(List.of(11L), List.of(12L));
        ranking.tieWithAbove(12L);
        ranking.moveUp(12L);
        assertThat(ranking.tiers()).containsExactly(List.of(12L), List.of(11L));
    }

    @Test
    void untie_puts_the_response_just_below_its_old_tier() {
        ranking.place(11L);
        ranking.place(12L);
        ranking.tieWithAbove(12L);
        ranking.place(13L);
        ranking.untie(11L);
        assertThat(ranking.tiers()).containsExactly(List.of(12L), List.of(11L), List.of(13L));
    }

    @Test
    void drag_into_a_tier_ties_and_removes_the_emptied_tier() {
        ranking.place(11L);
        ranking.place(12L);
        ranking.place(13L);
        ranking.moveToTier(13L, 0);
        assertThat(ranking.tiers()).containsExactly(List.of(11L, 13L), List.of(12L));
    }

    @Test
    void drag_to_a_new_tier_inserts_it_at_that_place() {
        ranking.place(11L);
        ranking.place(12L);
        ranking.moveToNewTier(14L, 1);
        assertThat(ranking.tiers()).containsExactly(List.of(11L), List.of(14L), List.of(12L));
        ranking.moveToNewTier(11L, 3);
        assertThat(ranking.tiers()).containsExactly(List.of(14L), List.of(12L), List.of(11L));
        ranking.moveToNewTier(11L, 0);
        assertThat(ranking.tiers()).containsExactly(List.of(11L), List.of(14L), List.of(12L));
        ranking.moveToNewTier(11L, 0);
        assertThat(ranking.tiers()).containsExactly(List.of(11L), List.of(14L), List.of(12L));
    }

    @Test
    void unrank_and_reset_return_responses_to_the_pool() {
        ranking.place(12L);
        ranking.place(11L);
        ranking.unrank(12L);
        assertThat(ranking.tiers()).containsExactly(List.of(11L));
        assertThat(ranking.unranked()).containsExactly(12L, 13L, 14L);
        ranking.reset();
        assertThat(ranking.unranked()).containsExactly(11L, 12L, 13L, 14L);
        assertThat(ranking.tiers()).isEmpty();
    }

    @Test
    void a_response_of_another_task_is_refused() {
        assertThatThrownBy(() -> ranking.place(99L)).isInstanceOf(IllegalArgumentException.class);
    }
}
