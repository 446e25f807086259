package dev.pairwise.policy.align;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

class TrainerStateTest {

    record Settings(int epochs, double beta) {
    }

    @Test
    void a_state_holds_kind_steps_and_config_and_reads_back_for_its_own_kind(@TempDir Path dir) throws Exception {
        ObjectNode state = TrainerState.of("dpo", 12, 34L, new Settings(2, 0.1));
        Files.writeString(dir.resolve(AlignCheckpoints.STATE), state.toString());

        JsonNode read = TrainerState.read(dir, "dpo", "DPO");

        assertThat(read.get("step").asInt()).isEqualTo(12);
        assertThat(read.get("optimizerStep").asLong()).isEqualTo(34L);
        assertThat(read.get("config").get("beta").asDouble()).isEqualTo(0.1);
    }

    @Test
    void another_trainers_checkpoint_is_refused_naming_the_kind_it_holds(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve(AlignCheckpoints.STATE), TrainerState.of("sft", 1, 1L, new Settings(1, 0)).toString());

        assertThatThrownBy(() -> TrainerState.read(dir, "dpo", "DPO"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is not a DPO training checkpoint (kind sft)");
    }

    @Test
    void a_plain_checkpoint_without_state_is_refused_as_kind_none(@TempDir Path dir) {
        assertThatThrownBy(() -> TrainerState.read(dir, "ppo", "PPO"))
                .hasMessageContaining("is not a PPO training checkpoint (kind none)");
    }

    @Test
    void reward_states_leave_the_kind_to_the_model() {
        assertThat(TrainerState.of(null, 3, 3L, new Settings(1, 0)).has("kind")).isFalse();
    }
}
