package dev.pairwise.loopdemo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.Device;
import dev.pairwise.policy.train.OneThread;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The routing comparison's whole code path at a toy size (seconds), so it cannot rot; it says
 * nothing about which routing wins (the measurement is in loopdemo/README.md).
 */
class RoutingComparisonTest {

    @Test
    void both_routings_train_a_reward_model_at_every_budget_on_the_same_held_out_pairs() {
        LoopDemo.Size toy = LoopDemo.Size.tiny().with("trainTasks=40").with("heldOut=10").with("corpusLines=200")
                .with("pretrainIters=10").with("sftEpochs=1").with("layers=1").with("width=16").with("heads=2");
        LoopDemo.Knobs knobs = LoopDemo.Knobs.tiny().with("rmEpochs=1");
        RoutingComparison.Result r;
        try (OneThread one = OneThread.enter()) {
            r = RoutingComparison.run(toy, knobs, 7, new int[] {10, 20, 30}, RoutingComparison.Routings.BOTH, 0.05, Device.cpu(),
                    line -> { });
        }
        assertThat(r.points()).extracting(RoutingComparison.Point::routing, RoutingComparison.Point::budget)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("uncertainty", 10), org.assertj.core.groups.Tuple.tuple("uncertainty", 20),
                        org.assertj.core.groups.Tuple.tuple("uncertainty", 30), org.assertj.core.groups.Tuple.tuple("fifo", 10),
                        org.assertj.core.groups.Tuple.tuple("fifo", 20), org.assertj.core.groups.Tuple.tuple("fifo", 30));
        assertThat(r.points()).allSatisfy(p -> {
            assertThat(p.accuracy()).isBetween(0.0, 1.0);
            assertThat(p.judgments()).isBetween(1, p.budget());
        });
        assertThat(r.heldOutPairs()).isPositive();
        assertThat(r.toJsonLines()).hasSize(6).allSatisfy(l -> assertThat(l).contains("\"rm_heldout_accuracy\""));
        // FIFO at the first budget is uncertainty's first model (same labels), not retrained
        assertThat(r.points().get(3).accuracy()).isEqualTo(r.points().get(0).accuracy());
    }

    @Test
    void the_smallest_margins_come_first_and_unscored_prompts_last_in_pool_order() {
        List<Integer> unlabelled = List.of(3, 5, 8, 9, 12);
        List<Double> margins = Arrays.asList(0.5, null, 0.1, 0.5, null);
        assertThat(RoutingComparison.smallestMargins(unlabelled, margins, 5)).containsExactly(8, 3, 9, 5, 12);
        assertThat(RoutingComparison.smallestMargins(unlabelled, margins, 2)).containsExactly(8, 3);
    }

    @Test
    void budgets_are_sorted_and_must_fit_the_pool() {
        assertThat(RoutingComparison.budgets(List.of(200, 50, 100), 800)).containsExactly(50, 100, 200);
        assertThatThrownBy(() -> RoutingComparison.budgets(List.of(50, 900), 800)).hasMessageContaining("1..800");
        assertThatThrownBy(() -> RoutingComparison.budgets(List.of(), 800)).hasMessageContaining("at least one");
        assertThatThrownBy(() -> RoutingComparison.Routings.named("random")).hasMessageContaining("fifo, uncertainty or both");
    }
}
