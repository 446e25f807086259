package dev.pairwise.policy.sft;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.Device;
import dev.pairwise.policy.align.AlignCheckpoints;
import dev.pairwise.policy.align.AlignListener;
import dev.pairwise.policy.align.Optim;
import dev.pairwise.policy.align.TinyWorld;
import dev.pairwise.policy.data.pairs.SftExample;
import dev.pairwise.policy.lora.LoraConfig;
import dev.pairwise.policy.model.GptModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

class SftTrainerTest {

    private static final TinyWorld WORLD = new TinyWorld(40, 5, 3);

    @TempDir
    Path dir;

    private static SftConfig config() {
        return new SftConfig(2, 8, Optim.of(3e-3), 0, false, null, 0.1, 0, 0, 11);
    }

    private static float[] weight(GptModel m, String name) {
        return m.parameters().get(name).toFloatArray();
    }

    @Test
    void loss_falls_and_parameters_change() {
        try (GptModel model = WORLD.newModel(1);
                SftTrainer trainer = new SftTrainer(model, WORLD.chat, WORLD.demonstrations(0, 1), config())) {
            float[] before = weight(model, "transformer.h.0.attn.c_attn.weight");
            double initial = trainer.evaluate();
            List<Double> losses = new ArrayList<>();
            SftResult r = trainer.run((s, total, m) -> losses.add(m.get("loss")), () -> false);
            assertThat(r.steps()).isEqualTo(trainer.totalSteps()).isEqualTo(10);
            assertThat(r.valLoss()).isLessThan(initial - 0.4);
            assertThat(losses.getLast()).isLessThan(losses.getFirst());
            assertThat(weight(model, "transformer.h.0.attn.c_attn.weight")).isNotEqualTo(before);
        }
    }

    @Test
    void cancellation_stops_before_the_next_step() {
        AtomicInteger steps = new AtomicInteger();
        try (GptModel model = WORLD.newModel(1);
                SftTrainer trainer = new SftTrainer(model, WORLD.chat, WORLD.demonstrations(0, 1), config())) {
            SftResult r = trainer.run((s, t, m) -> steps.incrementAndGet(), () -> steps.get() >= 3);
            assertThat(r.cancelled()).isTrue();
            assertThat(r.steps()).isEqualTo(3);
        }
    }

    @Test
    void resume_from_a_checkpoint_repeats_a_straight_run_exactly_with_lora() throws IOException {
        SftConfig cfg = config().withLora(new LoraConfig(4, 8, Set.of("attn.c_attn", "mlp.c_fc"), false));
        List<SftExample> demos = WORLD.demonstrations(0.2, 2);
        float[] straight;
        try (GptModel model = WORLD.newModel(5); SftTrainer t = new SftTrainer(model, WORLD.chat, demos, cfg)) {
            t.run(AlignListener.NONE, () -> false);
            straight = weight(model, "transformer.h.1.mlp.c_fc.weight");
            assertThat(weight(model, "transformer.h.1.attn.c_proj.weight"))
                    .isEqualTo(weight(WORLD.newModel(5), "transformer.h.1.attn.c_proj.weight"));
        }
        Path ckpt = dir.resolve("sft-4");
        try (GptModel model = WORLD.newModel(5); SftTrainer t = new SftTrainer(model, WORLD.chat, demos, cfg)) {
            for (int i = 0; i < 4; i++) {
                t.trainStep();
            }
            t.save(ckpt);
        }
        try (GptModel model = AlignCheckpoints.loadPolicy(ckpt, Device.cpu());
                SftTrainer t = new SftTrainer(model, WORLD.chat, demos, cfg)) {
            t.restore(ckpt);
            assertThat(t.step()).isEqualTo(4);
            t.run(AlignListener.NONE, () -> false);
            assertThat(weight(model, "transformer.h.1.mlp.c_fc.weight")).containsExactly(straight);
        }
    }

    @Test
    void no_examples_is_a_clear_error() {
        try (GptModel model = WORLD.newModel(1)) {
            assertThatThrownBy(() -> new SftTrainer(model, WORLD.chat, List.of(), config()))
                    .hasMessageContaining("no SFT examples");
        }
    }
}
