package dev.pairwise.labeling.quality;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class GoldAccuracyTest {

    @Test
    void one_swapped_neighbour_among_four_costs_one_pair_of_six() {
        var gold = List.of(List.of(1L), List.of(2L), List.of(3L), List.of(4L));
        var labeler = List.of(List.of(2L), List.of(1L), List.of(3L), List.of(4L));
        assertThat(GoldAccuracy.score(gold, labeler)).isEqualTo(new GoldAccuracy.Score(5, 6));
    }

    @Test
    void a_labeler_tie_misses_and_a_gold_tie_is_not_scored() {
        var gold = List.of(List.of(1L, 2L), List.of(3L));
        var labeler = List.of(List.of(1L), List.of(2L, 3L));
        // scored: (1,3) matches, (2,3) tied by the labeler: a miss; (1,2) tied in gold: not scored
        assertThat(GoldAccuracy.score(gold, labeler)).isEqualTo(new GoldAccuracy.Score(1, 2));
        assertThat(GoldAccuracy.score(gold, labeler).accuracy()).isEqualTo(0.5);
    }

    @Test
    void nothing_scored_is_nan() {
        assertThat(GoldAccuracy.score(List.of(List.of(1L, 2L)), List.of(List.of(1L), List.of(2L))).accuracy()).isNaN();
    }
}
