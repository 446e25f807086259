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
}
