package dev.pairwise.labeling.task;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link Repeats#agreement}: pairs both answers rank strictly, and of those the ones ordered alike. */
class RepeatsAgreementTest {

    @Test
    void counts_strict_pairs_of_both_answers_and_leaves_ties_out() {
        List<List<Long>> first = List.of(List.of(1L), List.of(2L), List.of(3L));
        // 1 > 2 kept; 1 vs 3 tied now (left out); 2 vs 3 reversed
        List<List<Long>> second = List.of(List.of(1L, 3L), List.of(2L));
        assertThat(Repeats.agreement(first, second)).containsExactly(1, 2);
        assertThat(Repeats.agreement(first, first)).containsExactly(3, 3);
        assertThat(Repeats.agreement(first, first.reversed())).containsExactly(0, 3);
        assertThat(Repeats.agreement(List.of(List.of(1L, 2L)), List.of(List.of(1L), List.of(2L)))).containsExactly(0, 0);
    }
}
