package dev.pairwise.labeling.judgment;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pairwise.labeling.InvalidInputException;
import java.util.List;
import org.junit.jupiter.api.Test;

class RankingValidatorTest {

    private static final List<Long> TASK = List.of(10L, 11L, 12L);

    @Test
    void a_ranking_with_ties_covering_every_response_passes() {
        assertThatCode(() -> RankingValidator.validateTiers(TASK, List.of(List.of(12L), List.of(10L, 11L))))
                .doesNotThrowAnyException();
    }

    @Test
    void a_ranking_that_omits_a_response_is_refused_naming_tiers() {
        assertThatThrownBy(() -> RankingValidator.validateTiers(TASK, List.of(List.of(12L), List.of(10L))))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("omits")
                .extracting(e -> ((InvalidInputException) e).field()).isEqualTo("tiers");
    }

    @Test
    void a_ranking_that_repeats_a_response_is_refused() {
        assertThatThrownBy(() -> RankingValidator.validateTiers(TASK,
                List.of(List.of(12L), List.of(10L, 11L), List.of(12L))))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("more than once");
    }

    @Test
    void a_response_from_another_task_is_refused() {
        assertThatThrownBy(() -> RankingValidator.validateTiers(TASK, List.of(List.of(12L, 10L, 11L, 99L))))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("99");
    }

    @Test
    void empty_tiers_are_refused() {
        assertThatThrownBy(() -> RankingValidator.validateTiers(TASK, List.of(List.of(12L, 10L, 11L), List.of())))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("empty");
        assertThatThrownBy(() -> RankingValidator.validateTiers(TASK, List.of()))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void presented_order_must_be_a_permutation_of_the_task() {
        assertThatCode(() -> RankingValidator.validateOrder(TASK, List.of(12L, 10L, 11L))).doesNotThrowAnyException();
        assertThatThrownBy(() -> RankingValidator.validateOrder(TASK, List.of(12L, 10L, 10L)))
                .isInstanceOf(InvalidInputException.class)
                .extracting(e -> ((InvalidInputException) e).field()).isEqualTo("presentedOrder");
    }
}
