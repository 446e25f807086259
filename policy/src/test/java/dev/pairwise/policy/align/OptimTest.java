package dev.pairwise.policy.align;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.pairwise.policy.io.Json;
import dev.pairwise.policy.train.AdamWSettings;
import org.junit.jupiter.api.Test;

class OptimTest {

    @Test
    void schedule_warms_up_linearly_then_decays_by_cosine_to_the_floor() {
        Optim o = Optim.of(1e-3); // warmup 10% of 100 steps, floor 1e-4
        assertThat(o.lrAt(0, 100)).isCloseTo(1e-4, within(1e-12));
        assertThat(o.lrAt(9, 100)).isCloseTo(1e-3, within(1e-12));
        assertThat(o.lrAt(55, 100)).isCloseTo(1e-4 + 0.5 * 0.9e-3, within(1e-12));
        assertThat(o.lrAt(100, 100)).isCloseTo(1e-4, within(1e-12));
    }

    @Test
    void bad_fields_are_named() {
        assertThatThrownBy(() -> Optim.of(0)).hasMessageContaining("lr");
        assertThatThrownBy(() -> new Optim(1e-3, 0.1, 1.0, AdamWSettings.FINE_TUNING)).hasMessageContaining("warmupRatio");
        assertThatThrownBy(() -> new Optim(1e-3, 0.1, 0.1, new AdamWSettings(0, 0.9, 1.0, 1e-8, 1))).hasMessageContaining("beta");
    }

    @Test
    void the_settings_are_saved_in_trainer_state_under_their_names_and_in_their_order() {
        // the "optim" object of every alignment trainer's trainer_state.json config, as written so far
        assertThat(Json.compact(Optim.of(1e-3))).isEqualTo("{\"lr\":0.001,\"minLrRatio\":0.1,\"warmupRatio\":0.1,"
                + "\"weightDecay\":0.0,\"beta1\":0.9,\"beta2\":0.99,\"eps\":1.0E-8,\"gradClip\":1.0}");
    }
}
