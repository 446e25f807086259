package dev.pairwise.policy.align;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

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
        assertThatThrownBy(() -> new Optim(1e-3, 0.1, 1.0, 0, 0.9, 0.99, 1e-8, 1)).hasMessageContaining("warmupRatio");
        assertThatThrownBy(() -> new Optim(1e-3, 0.1, 0.1, 0, 0.9, 1.0, 1e-8, 1)).hasMessageContaining("beta");
    }
}
