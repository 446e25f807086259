package dev.pairwise.policy.synthetic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.pairwise.policy.align.TinyWorld;
import dev.pairwise.policy.model.GptModel;
import org.junit.jupiter.api.Test;

class SyntheticEvalTest {

    @Test
    void a_policy_has_no_kl_to_itself_and_scores_are_percentages() {
        TinyWorld world = new TinyWorld(10, 5, 3);
        try (GptModel policy = world.newModel(1); GptModel same = world.newModel(1); GptModel other = world.newModel(2)) {
            SyntheticEval.Result self = SyntheticEval.evaluate(policy, same, world.chat, world.tasks.heldOut(), 2, 6, 1);
            assertThat(self.kl()).isCloseTo(0.0, within(1e-4));
            assertThat(self.scorePct()).isBetween(0.0, 100.0);
            assertThat(self.greedyPct()).isBetween(0.0, 100.0);
            // a different reference gives a KL estimate that is not zero
            assertThat(SyntheticEval.evaluate(policy, other, world.chat, world.tasks.heldOut(), 2, 6, 1).kl())
                    .isNotCloseTo(0.0, within(1e-4));
        }
    }

    @Test
    void win_rate_counts_ties_half_and_the_paired_gain_has_its_standard_error() {
        SyntheticEval.Result a = new SyntheticEval.Result(0, 0, 0, new double[] {1.0, 0.5, 0.3, 1.0});
        SyntheticEval.Result b = new SyntheticEval.Result(0, 0, 0, new double[] {0.3, 0.5, 1.0, 0.3});
        // wins, tie, loss, win
        assertThat(SyntheticEval.winRate(a, b)).isCloseTo(2.5 / 4, within(1e-12));
        // differences 0.7, 0, -0.7, 0.7: mean 0.175, squared deviations sum to 1.3475, sample variance /3, se sd/2
        SyntheticEval.Difference d = SyntheticEval.pairedDifference(a, b);
        assertThat(d.meanPct()).isCloseTo(17.5, within(1e-9));
        assertThat(d.standardErrorPct()).isCloseTo(100 * Math.sqrt(1.3475 / 3) / 2, within(1e-9));
        assertThat(new SyntheticEval.Result(0, 0, 0, new double[] {0.0, 1.0}).standardErrorPct())
                .isCloseTo(50.0, within(1e-9));
        SyntheticEval.Result shorter = new SyntheticEval.Result(0, 0, 0, new double[] {1.0});
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> SyntheticEval.winRate(a, shorter))
                .hasMessageContaining("not paired");
    }
}
