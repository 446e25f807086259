package dev.pairwise.policy.sft;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pairwise.policy.align.Optim;
import dev.pairwise.policy.dpo.DpoConfig;
import dev.pairwise.policy.align.DpoLossType;
import dev.pairwise.policy.ppo.PpoConfig;
import dev.pairwise.policy.align.KlController;
import org.junit.jupiter.api.Test;

/** The policy trainers' configs: documented defaults hold, bad fields are named. */
class SftConfigTest {

    @Test
    void defaults_are_the_documented_ones() {
        SftConfig sft = SftConfig.defaults();
        assertThat(sft.optim().lr()).isEqualTo(1e-4);
        assertThat(sft.lora()).isNull();
        assertThat(sft.packing()).isFalse();
        DpoConfig dpo = DpoConfig.defaults();
        assertThat(dpo.beta()).isEqualTo(0.1);
        assertThat(dpo.lossType()).isEqualTo(DpoLossType.SIGMOID);
        PpoConfig ppo = PpoConfig.defaults();
        assertThat(ppo.clipRange()).isEqualTo(0.2);
        assertThat(ppo.lambda()).isEqualTo(0.95);
        assertThat(ppo.newKlController()).isInstanceOf(KlController.Adaptive.class);
        assertThat(ppo.newKlController().value()).isEqualTo(0.2);
    }

    @Test
    void bad_fields_are_named() {
        assertThatThrownBy(() -> SftConfig.defaults().withEpochs(0)).hasMessageContaining("epochs");
        assertThatThrownBy(() -> new SftConfig(1, 8, Optim.of(1e-4), 0, false, null, 1.0, 0, 0, 1))
                .hasMessageContaining("valFraction");
        assertThatThrownBy(() -> DpoConfig.defaults().withLoss(DpoLossType.IPO, 0.1, 0.1))
                .hasMessageContaining("labelSmoothing");
        assertThatThrownBy(() -> DpoConfig.defaults().withLoss(DpoLossType.SIGMOID, -1, 0)).hasMessageContaining("beta");
        PpoConfig d = PpoConfig.defaults();
        assertThatThrownBy(() -> new PpoConfig(1, 30, 8, 4, 16, 1, d.optim(), 0.2, 0.2, 0.1, 1, 0.95, true, true,
                0.2, 6, 10000, 1)).hasMessageContaining("multiple of miniBatch");
    }
}
