package dev.pairwise.rewardmodel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.Device;
import dev.pairwise.policy.align.AlignCheckpoints;
import dev.pairwise.policy.align.AlignListener;
import dev.pairwise.policy.align.Optim;
import dev.pairwise.policy.align.TinyWorld;
import dev.pairwise.policy.checkpoint.Checkpoints;
import dev.pairwise.policy.data.pairs.PreferenceGroup;
import dev.pairwise.policy.data.pairs.Turn;
import dev.pairwise.policy.model.GptModel;
import dev.pairwise.policy.synthetic.Corruptions;
import dev.pairwise.policy.synthetic.SimulatedLabeler;
import dev.pairwise.policy.synthetic.SyntheticTask;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

class RewardTrainerTest {

    private static final TinyWorld WORLD = new TinyWorld(40, 5, 3);

    @TempDir
    Path dir;

    private static List<PreferenceGroup> judgments() {
        Random rng = new Random(4);
        SimulatedLabeler labeler = new SimulatedLabeler(0, 0);
        List<PreferenceGroup> groups = new ArrayList<>();
        for (SyntheticTask t : WORLD.tasks.train()) {
            List<String> k4 = List.of(t.answer(), Corruptions.corrupt(t, rng), Corruptions.corrupt(t, rng), "0");
            labeler.judge(t, k4, rng).ifPresent(groups::add);
        }
        return groups;
    }

    private static RewardConfig config() {
        return new RewardConfig(3, 4, Optim.of(3e-3), 0, 0.01, 0.1, 0, 5);
    }

    @Test
    void loss_falls_and_parameters_change() {
        try (RewardModel rm = RewardModel.fresh(WORLD.newModel(1), WORLD.chat, 2);
                RewardTrainer trainer = new RewardTrainer(rm, judgments(), config())) {
            float[] head = rm.parameters().get("score.weight").toFloatArray();
            float[] attn = rm.parameters().get("transformer.h.1.attn.c_attn.weight").toFloatArray();
            List<Double> losses = new ArrayList<>();
            RewardResult r = trainer.run((s, t, m) -> losses.add(m.get("loss")), () -> false);
            double first = losses.subList(0, 5).stream().mapToDouble(d -> d).average().orElseThrow();
            double last = losses.subList(losses.size() - 5, losses.size()).stream().mapToDouble(d -> d).average()
                    .orElseThrow();
            assertThat(last).isLessThan(first);
            assertThat(r.heldOut().pairs()).isPositive();
            assertThat(rm.parameters().get("score.weight").toFloatArray()).isNotEqualTo(head);
            assertThat(rm.parameters().get("transformer.h.1.attn.c_attn.weight").toFloatArray()).isNotEqualTo(attn);
        }
    }

    @Test
    void a_learnable_preference_generalises_to_held_out_prompts() {
        // chosen: the right answer; rejected: "zzzz"; sides shuffled so position tells nothing
        Random rng = new Random(1);
        List<PreferenceGroup> groups = new ArrayList<>();
        for (SyntheticTask t : WORLD.tasks.train()) {
            boolean flip = rng.nextBoolean();
            groups.add(new PreferenceGroup(Turn.user(t.prompt()),
                    flip ? List.of("zzzz", t.answer()) : List.of(t.answer(), "zzzz"),
                    List.of(new PreferenceGroup.Preference(flip ? 1 : 0, flip ? 0 : 1))));
        }
        try (RewardModel rm = RewardModel.fresh(WORLD.newModel(1), WORLD.chat, 2);
                RewardTrainer trainer = new RewardTrainer(rm, groups,
                        new RewardConfig(4, 8, Optim.of(1e-3), 0, 0.0, 0.25, 0, 5))) {
            RewardMetrics before = trainer.evaluate();
            RewardMetrics after = trainer.run(AlignListener.NONE, () -> false).heldOut();
            assertThat(after.pairs()).isEqualTo(10);
            assertThat(after.accuracy()).isGreaterThan(0.9).isGreaterThan(before.accuracy());
            assertThat(after.meanMargin()).isPositive();
        }
    }

    @Test
    void identical_responses_are_counted_and_skipped() {
        List<PreferenceGroup> groups = new ArrayList<>(judgments().subList(0, 10));
        groups.add(new PreferenceGroup(Turn.user("add 1 and 2"), List.of("3", "3"),
                List.of(new PreferenceGroup.Preference(0, 1))));
        try (RewardModel rm = RewardModel.fresh(WORLD.newModel(1), WORLD.chat, 2);
                RewardTrainer trainer = new RewardTrainer(rm, groups, config())) {
            RewardResult r = trainer.run(AlignListener.NONE, () -> true);
            assertThat(r.skippedIdentical()).isEqualTo(1);
            assertThat(r.cancelled()).isTrue();
        }
    }

    @Test
    void reward_and_policy_checkpoints_are_not_interchangeable() throws IOException {
        Path policy = dir.resolve("policy");
        try (GptModel m = WORLD.newModel(1)) {
            Checkpoints.saveModel(policy, m, WORLD.chat.tokenizer());
        }
        assertThatThrownBy(() -> RewardModel.load(policy, Device.cpu()))
                .hasMessageContaining("is a policy checkpoint");
        Path reward = dir.resolve("reward");
        try (RewardModel rm = RewardModel.initFrom(policy, Device.cpu(), 3);
                RewardTrainer trainer = new RewardTrainer(rm, judgments(), config())) {
            trainer.trainStep();
            trainer.save(reward);
            float[] scores = rm.score(List.of(Turn.user("add 1 and 2")), List.of("3"));
            try (RewardModel loaded = RewardModel.load(reward, Device.cpu())) {
                assertThat(loaded.score(List.of(Turn.user("add 1 and 2")), List.of("3"))).containsExactly(scores);
            }
        }
        assertThatThrownBy(() -> AlignCheckpoints.loadPolicy(reward, Device.cpu()))
                .hasMessageContaining("is a reward-model checkpoint");
        assertThatThrownBy(() -> RewardModel.initFrom(reward, Device.cpu(), 1))
                .hasMessageContaining("is a reward-model checkpoint");
    }
}
