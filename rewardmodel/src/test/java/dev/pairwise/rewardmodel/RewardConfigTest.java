package dev.pairwise.rewardmodel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RewardConfigTest {

    @Test
    void defaults_train_one_epoch_without_centering() {
        assertThat(RewardConfig.defaults().epochs()).isEqualTo(1);
        assertThat(RewardConfig.defaults().centeringCoefficient()).isZero();
        assertThat(RewardConfig.defaults().withCentering(0.01).centeringCoefficient()).isEqualTo(0.01);
    }

    @Test
    void bad_fields_are_named() {
        assertThatThrownBy(() -> RewardConfig.defaults().withCentering(-1)).hasMessageContaining("centeringCoefficient");
        assertThatThrownBy(() -> RewardConfig.defaults().withTraining(0, 8, RewardConfig.defaults().optim()))
                .hasMessageContaining("epochs");
    }
}
