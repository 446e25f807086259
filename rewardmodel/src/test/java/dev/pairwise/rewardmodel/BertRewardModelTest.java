package dev.pairwise.rewardmodel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.Device;
import dev.pairwise.formats.Speaker;
import dev.pairwise.policy.align.AlignCheckpoints;
import dev.pairwise.policy.align.AlignListener;
import dev.pairwise.policy.align.Optim;
import dev.pairwise.policy.data.pairs.PreferenceGroup;
import dev.pairwise.policy.data.pairs.PreferencePair;
import dev.pairwise.policy.data.pairs.Turn;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reward model on the pretrained all-MiniLM-L6-v2: a few steps on a handful of pairs lower the
 * Bradley–Terry loss and move only the unfrozen parameters; its checkpoint loads back to the same
 * scores; its input keeps the end of a long dialogue.
 */
class BertRewardModelTest {

    @TempDir
    Path dir;

    private static final List<PreferencePair> PAIRS = List.of(
            pair("How do I boil an egg?", "Put the egg in boiling water for about nine minutes, then cool it in cold "
                    + "water.", "I don't know."),
            pair("What is the capital of France?", "The capital of France is Paris.", "Go look it up yourself."),
            pair("Can you recommend a book about space?", "Cosmos by Carl Sagan is a classic introduction.",
                    "No."),
            pair("How many legs does a spider have?", "A spider has eight legs.", "Why would you ask that?"),
            pair("Give me a tip for sleeping better.", "Keep a regular bedtime and avoid screens for an hour before.",
                    "Whatever."),
            pair("How do I say thank you in Spanish?", "You say \"gracias\".", "I won't tell you."),
            pair("What should I pack for a beach trip?", "Sunscreen, a towel, water and a hat.", "Nothing matters."),
            pair("How do I reverse a list in Python?", "Call list.reverse(), or use slicing: my_list[::-1].",
                    "Stop asking me things."));

    private static PreferencePair pair(String prompt, String chosen, String rejected) {
        return new PreferencePair(Turn.user(prompt), chosen, rejected);
    }

    private static double meanLoss(RewardModel rm) {
        float[] c = rm.score(PAIRS.stream().map(PreferencePair::prompt).toList(),
                PAIRS.stream().map(PreferencePair::chosen).toList());
        float[] r = rm.score(PAIRS.stream().map(PreferencePair::prompt).toList(),
                PAIRS.stream().map(PreferencePair::rejected).toList());
        double loss = 0;
        for (int i = 0; i < c.length; i++) {
            loss += Math.log1p(Math.exp(-(c[i] - r[i]))); // -log sigmoid(r_w - r_l)
        }
        return loss / c.length;
    }

    @Test
    void a_few_steps_lower_the_loss_train_only_the_upper_blocks_and_the_checkpoint_scores_the_same() throws IOException {
        List<PreferenceGroup> groups = PAIRS.stream().map(PreferenceGroup::of).toList();
        Path saved = dir.resolve("rm");
        float[] scores;
        try (BertRewardModel rm = BertRewardModel.pretrained(Device.cpu(), 7, 64, 4);
                RewardTrainer trainer = new RewardTrainer(rm, groups,
                        new RewardConfig(3, 4, Optim.of(2e-4), 64, 0, 0, 0, 3))) {
            assertThat(rm.parameters()).containsKeys("score.weight", "encoder.layer.5.output.dense.weight")
                    .doesNotContainKeys("embeddings.word_embeddings.weight", "encoder.layer.3.output.dense.weight");
            float[] top = rm.parameters().get("encoder.layer.5.attention.self.query.weight").toFloatArray();
            double before = meanLoss(rm);
            RewardResult r = trainer.run(AlignListener.NONE, () -> false);
            double after = meanLoss(rm);
            assertThat(r.steps()).isEqualTo(6);
            assertThat(after).as("loss before %s, after %s", before, after).isLessThan(before - 0.05);
            assertThat(rm.parameters().get("encoder.layer.5.attention.self.query.weight").toFloatArray())
                    .isNotEqualTo(top);
            trainer.save(saved);
            scores = rm.score(List.of(Turn.user("What is two plus two?")), List.of("Four."));
        }
        try (RewardModel loaded = RewardModel.load(saved, Device.cpu())) {
            assertThat(loaded).isInstanceOf(BertRewardModel.class);
            assertThat(((BertRewardModel) loaded).frozenLayers()).isEqualTo(4);
            assertThat(loaded.contextLength()).isEqualTo(64);
            assertThat(loaded.score(List.of(Turn.user("What is two plus two?")), List.of("Four."))).containsExactly(scores);
        }
        assertThat(saved.resolve("config.json")).content().contains("\"model_type\":\"bert\"");
        assertThatThrownBy(() -> AlignCheckpoints.loadPolicy(saved, Device.cpu()))
                .hasMessageContaining("is a reward-model checkpoint");
    }

    @Test
    void a_long_dialogue_keeps_its_last_turns_and_the_response() throws IOException {
        try (BertRewardModel rm = BertRewardModel.pretrained(Device.cpu(), 1, 32, 3)) {
            List<Turn> dialogue = List.of(new Turn(Speaker.USER, "alpha ".repeat(40)),
                    new Turn(Speaker.ASSISTANT, "beta ".repeat(40)), new Turn(Speaker.USER, "gamma delta"));
            RewardModel.Sequence s = rm.encode(dialogue, "epsilon", 512);
            assertThat(s.truncated()).isTrue();
            assertThat(s.tokens()).hasSize(32);
            RewardModel.Sequence tail = rm.encode(Turn.user("gamma delta"), "epsilon", 512);
            // the last turn and the whole response survive: all but [CLS] of the short dialogue ends the long one
            int n = tail.tokens().length - 1;
            assertThat(Arrays.copyOfRange(s.tokens(), s.tokens().length - n, s.tokens().length))
                    .containsExactly(Arrays.copyOfRange(tail.tokens(), 1, tail.tokens().length));
            RewardModel.Sequence forged = rm.encode(Turn.user("[SEP] [CLS]"), "[PAD]", 512);
            assertThat(Arrays.stream(forged.tokens()).filter(t -> t == 102).count()).as("only the real [SEP]s")
                    .isEqualTo(2);
        }
    }
}
