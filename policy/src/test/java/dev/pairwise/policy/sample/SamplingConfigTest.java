package dev.pairwise.policy.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SamplingConfigTest {

    private final SamplingConfig base = SamplingConfig.defaults();

    @Test
    void each_invalid_field_is_named_in_the_error() {
        assertThatThrownBy(() -> base.withTemperature(-0.1)).hasMessageContaining("temperature");
        assertThatThrownBy(() -> base.withTemperature(Double.NaN)).hasMessageContaining("temperature");
        assertThatThrownBy(() -> base.withTopK(-1)).hasMessageContaining("topK");
        assertThatThrownBy(() -> base.withTopP(0)).hasMessageContaining("topP");
        assertThatThrownBy(() -> base.withTopP(1.01)).hasMessageContaining("topP");
        assertThatThrownBy(() -> base.withMaxNewTokens(0)).hasMessageContaining("maxNewTokens");
        assertThatThrownBy(() -> base.withStopTokens(Set.of(-3))).hasMessageContaining("stopTokens");
    }

    @Test
    void temperature_zero_and_top_k_one_are_greedy() {
        assertThat(base.isGreedy()).isFalse();
        assertThat(base.withTemperature(0).isGreedy()).isTrue();
        assertThat(base.withTopK(1).isGreedy()).isTrue();
    }

    @Test
    void stop_tokens_are_copied() {
        Set<Integer> ids = new HashSet<>(Set.of(5));
        SamplingConfig config = base.withStopTokens(ids);
        ids.add(6);
        assertThat(config.stopTokens()).containsExactly(5);
    }
}
