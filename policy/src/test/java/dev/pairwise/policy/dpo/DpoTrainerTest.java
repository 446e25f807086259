package dev.pairwise.policy.dpo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.Device;
import dev.pairwise.policy.align.AlignCheckpoints;
import dev.pairwise.policy.align.AlignListener;
import dev.pairwise.policy.align.DpoLossType;
import dev.pairwise.policy.align.Optim;
import dev.pairwise.policy.align.TinyWorld;
import dev.pairwise.policy.data.pairs.PreferencePair;
import dev.pairwise.policy.data.pairs.Turn;
import dev.pairwise.policy.model.GptModel;
import dev.pairwise.policy.synthetic.Corruptions;
import dev.pairwise.policy.synthetic.SyntheticTask;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

class DpoTrainerTest {

    private static final TinyWorld WORLD = new TinyWorld(40, 5, 3);

    @TempDir
    Path dir;

    private static List<PreferencePair> pairs() {
        Random rng = new Random(8);
        List<PreferencePair> out = new ArrayList<>();
        for (SyntheticTask t : WORLD.tasks.train()) {
            out.add(new PreferencePair(Turn.user(t.prompt()), t.answer(), Corruptions.corrupt(t, rng)));
        }
        return out;
    }

    private static DpoConfig config() {
        return new DpoConfig(0.1, DpoLossType.SIGMOID, 0, 2, 8, Optim.of(3e-3), 0, null, 0.1, 0, 9);
    }

    @Test
    void starts_at_log_2_then_the_loss_falls_and_chosen_gains_on_rejected() {
        try (GptModel policy = WORLD.newModel(1); GptModel reference = WORLD.newModel(1);
                DpoTrainer trainer = new DpoTrainer(policy, reference, WORLD.chat, pairs(), config())) {
            float[] before = policy.parameters().get("transformer.h.0.mlp.c_fc.weight").toFloatArray();
            List<Map<String, Double>> steps = new ArrayList<>();
            DpoResult r = trainer.run((s, t, m) -> steps.add(m), () -> false);
            assertThat(steps.getFirst().get("loss")).isCloseTo(Math.log(2), within(1e-5));
            assertThat(steps.getFirst()).containsKeys("rewards/chosen", "rewards/rejected", "rewards/margins",
                    "rewards/accuracies", "logps/chosen", "logps/rejected");
            assertThat(steps.getLast().get("loss")).isLessThan(Math.log(2));
            assertThat(steps.getLast().get("rewards/margins")).isPositive();
            assertThat(r.eval()).containsKey("eval_rewards/accuracies");
            assertThat(policy.parameters().get("transformer.h.0.mlp.c_fc.weight").toFloatArray()).isNotEqualTo(before);
        }
    }

    @Test
    void identical_pairs_are_counted_and_skipped_and_a_checkpoint_resumes() throws IOException {
        List<PreferencePair> pairs = new ArrayList<>(pairs());
        pairs.add(new PreferencePair(Turn.user("add 1 and 2"), "3", "3"));
        Path ckpt = dir.resolve("dpo");
        try (GptModel policy = WORLD.newModel(1); GptModel reference = WORLD.newModel(1);
                DpoTrainer trainer = new DpoTrainer(policy, reference, WORLD.chat, pairs, config())) {
            DpoResult r = trainer.run(AlignListener.NONE, () -> true);
            assertThat(r.skippedIdentical()).isEqualTo(1);
            trainer.trainStep();
            trainer.save(ckpt);
        }
        try (GptModel policy = AlignCheckpoints.loadPolicy(ckpt, Device.cpu()); GptModel reference = WORLD.newModel(1);
                DpoTrainer trainer = new DpoTrainer(policy, reference, WORLD.chat, pairs, config())) {
            trainer.restore(ckpt);
            assertThat(trainer.step()).isEqualTo(1);
        }
    }

    @Test
    void the_same_model_as_policy_and_reference_is_refused() {
        try (GptModel policy = WORLD.newModel(1)) {
            assertThatThrownBy(() -> new DpoTrainer(policy, policy, WORLD.chat, pairs(), config()))
                    .hasMessageContaining("separate models");
        }
    }
}
