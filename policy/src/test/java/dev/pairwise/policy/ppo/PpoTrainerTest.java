package dev.pairwise.policy.ppo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.Device;
import dev.pairwise.policy.align.AlignCheckpoints;
import dev.pairwise.policy.align.AlignListener;
import dev.pairwise.policy.align.Optim;
import dev.pairwise.policy.align.TinyWorld;
import dev.pairwise.policy.data.pairs.Turn;
import dev.pairwise.policy.model.GptModel;
import dev.pairwise.policy.align.RewardFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

class PpoTrainerTest {

    private static final TinyWorld WORLD = new TinyWorld(40, 5, 3);

    @TempDir
    Path dir;

    /** A constructed reward with signal even for an untrained model: the share of digits in the response. */
    private static final RewardFunction DIGITS = (prompts, responses) -> {
        float[] out = new float[responses.size()];
        for (int i = 0; i < out.length; i++) {
            String r = responses.get(i);
            out[i] = r.isEmpty() ? 0f : (float) r.chars().filter(Character::isDigit).count() / r.length();
        }
        return out;
    };

    private static List<List<Turn>> prompts() {
        return WORLD.tasks.train().stream().map(t -> Turn.user(t.prompt())).toList();
    }

    private static PpoConfig config(int iterations) {
        return new PpoConfig(iterations, 8, 4, 2, 6, 1.0, Optim.of(1e-3), 0.2, 0.2, 0.1, 1.0, 0.95, true, true,
                0.2, 6.0, 10000, 21);
    }

    @Test
    void a_round_reports_every_metric_and_moves_policy_and_beta() {
        try (GptModel policy = WORLD.newModel(1); GptModel reference = WORLD.newModel(1);
                PpoTrainer trainer = new PpoTrainer(policy, reference, WORLD.chat, DIGITS, prompts(), config(1))) {
            float[] before = policy.parameters().get("transformer.h.0.attn.c_attn.weight").toFloatArray();
            PpoResult r = trainer.run(AlignListener.NONE, () -> false);
            Map<String, Double> m = r.last();
            assertThat(m).containsKeys("score", "kl", "beta", "entropy", "clipfrac", "approxkl", "ratio",
                    "loss/value", "loss/policy", "val/explained_variance");
            assertThat(m.get("kl")).isCloseTo(0.0, org.assertj.core.data.Offset.offset(1e-4)); // policy = reference
            assertThat(m.get("entropy")).isPositive();
            assertThat(m.get("ratio")).isBetween(0.5, 1.5);
            assertThat(policy.parameters().get("transformer.h.0.attn.c_attn.weight").toFloatArray()).isNotEqualTo(before);
            assertThat(r.iterations()).isEqualTo(1);
        }
    }

    @Test
    void resume_repeats_a_straight_run() throws IOException {
        float[] straight;
        try (GptModel policy = WORLD.newModel(1); GptModel reference = WORLD.newModel(1);
                PpoTrainer trainer = new PpoTrainer(policy, reference, WORLD.chat, DIGITS, prompts(), config(2))) {
            trainer.run(AlignListener.NONE, () -> false);
            straight = policy.parameters().get("transformer.h.1.mlp.c_proj.weight").toFloatArray();
        }
        Path ckpt = dir.resolve("ppo-1");
        try (GptModel policy = WORLD.newModel(1); GptModel reference = WORLD.newModel(1);
                PpoTrainer trainer = new PpoTrainer(policy, reference, WORLD.chat, DIGITS, prompts(), config(2))) {
            trainer.iterationStep();
            trainer.save(ckpt);
        }
        try (GptModel policy = AlignCheckpoints.loadPolicy(ckpt, Device.cpu()); GptModel reference = WORLD.newModel(1);
                PpoTrainer trainer = new PpoTrainer(policy, reference, WORLD.chat, DIGITS, prompts(), config(2))) {
            trainer.restore(ckpt);
            trainer.run(AlignListener.NONE, () -> false);
            // Equal up to float rounding: BLAS kernels may sum in another order for differently
            // allocated (but equal) weights; a diverging resume would differ by far more.
            assertThat(policy.parameters().get("transformer.h.1.mlp.c_proj.weight").toFloatArray())
                    .containsExactly(straight, org.assertj.core.data.Offset.offset(1e-5f));
        }
    }

    @Test
    void a_response_budget_filling_the_context_is_refused() {
        try (GptModel policy = WORLD.newModel(1); GptModel reference = WORLD.newModel(1)) {
            PpoConfig c = config(1);
            PpoConfig tooLong = new PpoConfig(1, 8, 4, 2, 48, 1.0, c.optim(), 0.2, 0.2, 0.1, 1, 0.95, true, true,
                    0.2, 6, 10000, 1);
            assertThatThrownBy(() -> new PpoTrainer(policy, reference, WORLD.chat, DIGITS, prompts(), tooLong))
                    .hasMessageContaining("no room");
        }
    }
}
