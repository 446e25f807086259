package dev.pairwise.labeling.judgment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class PairExpansionTest {

    @Test
    void a_total_order_of_k_responses_yields_k_choose_2_pairs() {
        List<RankedPair> pairs = PairExpansion.expand(List.of(List.of(1L), List.of(2L), List.of(3L), List.of(4L)));
        assertThat(pairs).hasSize(6);
        assertThat(pairs).contains(new RankedPair(1, 2, 1), new RankedPair(1, 4, 3), new RankedPair(3, 4, 1));
    }

    @Test
    void margin_is_the_distance_between_tiers() {
        List<RankedPair> pairs = PairExpansion.expand(List.of(List.of(7L), List.of(8L), List.of(9L)));
        assertThat(pairs).containsExactly(new RankedPair(7, 8, 1), new RankedPair(7, 9, 2), new RankedPair(8, 9, 1));
    }

    @Test
    void ties_yield_no_pair() {
        List<RankedPair> pairs = PairExpansion.expand(List.of(List.of(1L, 2L), List.of(3L)));
        assertThat(pairs).containsExactlyInAnyOrder(new RankedPair(1, 3, 1), new RankedPair(2, 3, 1));
        assertThat(pairs).noneMatch(p -> (p.chosen() == 1 && p.rejected() == 2) || (p.chosen() == 2 && p.rejected() == 1));
    }

    @Test
    void all_tied_yields_no_pairs() {
        assertThat(PairExpansion.expand(List.of(List.of(1L, 2L, 3L)))).isEmpty();
    }

    @Test
    void chosen_always_comes_from_a_better_tier() {
        List<List<Long>> tiers = List.of(List.of(5L), List.of(1L, 2L), List.of(9L, 4L, 3L));
        List<RankedPair> pairs = PairExpansion.expand(tiers);
        assertThat(pairs).hasSize(1 * 2 + 1 * 3 + 2 * 3);
        for (RankedPair p : pairs) {
            assertThat(tierOf(tiers, p.chosen()) + p.margin()).isEqualTo(tierOf(tiers, p.rejected()));
        }
    }

    private static int tierOf(List<List<Long>> tiers, long id) {
        for (int i = 0; i < tiers.size(); i++) {
            if (tiers.get(i).contains(id)) {
                return i;
            }
        }
        throw new AssertionError(id);
    }
}
