package dev.pairwise.policy.align;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class KlControllerTest {

    @Test
    void adaptive_beta_follows_the_clipped_proportional_rule() {
        // β 0.2, target 6, horizon 10000, batch 256: KL 6.6 → e = 0.1 → β·(1 + 0.1·256/10000)
        KlController kl = new KlController.Adaptive(0.2, 6, 10000);
        kl.update(6.6, 256);
        assertThat(kl.value()).isCloseTo(0.2 * (1 + 0.1 * 0.0256), within(1e-12));
    }

    @Test
    void adaptive_error_is_clipped_to_a_fifth() {
        KlController up = new KlController.Adaptive(0.2, 6, 10000);
        up.update(60, 256); // e = 9 → 0.2
        assertThat(up.value()).isCloseTo(0.2 * (1 + 0.2 * 0.0256), within(1e-12));
        KlController down = new KlController.Adaptive(0.2, 6, 10000);
        down.update(0, 256); // e = −1 → −0.2
        assertThat(down.value()).isCloseTo(0.2 * (1 - 0.2 * 0.0256), within(1e-12));
    }

    @Test
    void fixed_beta_never_moves_and_both_restore() {
        KlController kl = new KlController.Fixed(0.05);
        kl.update(100, 256);
        assertThat(kl.value()).isEqualTo(0.05);
        KlController adaptive = new KlController.Adaptive(0.2, 6, 10000);
        adaptive.restore(0.31);
        assertThat(adaptive.value()).isEqualTo(0.31);
    }

    @Test
    void invalid_settings_are_rejected() {
        assertThatThrownBy(() -> new KlController.Adaptive(0.2, 0, 10000)).hasMessageContaining("target");
        assertThatThrownBy(() -> new KlController.Fixed(-1)).hasMessageContaining("beta");
    }
}
