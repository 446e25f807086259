package dev.pairwise.policy.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import dev.pairwise.policy.io.Safetensors;
import dev.pairwise.policy.model.GptConfig;
import dev.pairwise.policy.model.GptModel;
import dev.pairwise.policy.tokenizer.CharTokenizer;
import dev.pairwise.policy.tokenizer.Tokenizer;
import dev.pairwise.policy.tokenizer.Tokenizers;
import dev.pairwise.policy.train.AdamWSettings;
import dev.pairwise.policy.train.OneThread;
import dev.pairwise.policy.train.Pretrainer;
import dev.pairwise.policy.train.StepRecord;
import dev.pairwise.policy.train.TinyRuns;
import dev.pairwise.policy.train.TrainConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CheckpointsTest {

    @TempDir
    Path tmp;

    private OneThread oneThread;

    @BeforeEach
    void oneThread() {
        oneThread = OneThread.enter();
    }

    @AfterEach
    void restoreThreads() {
        oneThread.close();
    }

    static TrainConfig config() {
        // accumulation 2 and clipping on, so the test covers every piece of state
        return new TrainConfig(20, 4, 2, 3e-3, 3e-4, 4, AdamWSettings.PRETRAINING.withGradClip(0.5), 0, 2, 42);
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void resuming_from_a_checkpoint_repeats_the_straight_run_exactly(boolean modern) throws IOException {
        int n = 7;
        int m = 6;
        GptConfig c = TinyRuns.model(modern);
        Map<String, float[]> straight;
        List<StepRecord> straightHistory;
        try (GptModel model = GptModel.create(c, 42, Device.cpu());
             Pretrainer t = new Pretrainer(model, TinyRuns.dataset(16), config())) {
            for (int i = 0; i < n + m; i++) {
                t.trainStep();
            }
            straight = snapshot(model);
            straightHistory = t.history();
        }
        Path dir = tmp.resolve("ckpt");
        try (GptModel model = GptModel.create(c, 42, Device.cpu());
             Pretrainer t = new Pretrainer(model, TinyRuns.dataset(16), config())) {
            for (int i = 0; i < n; i++) {
                t.trainStep();
            }
            Checkpoints.save(dir, t, tokenizer());
        }
        try (GptModel model = Checkpoints.loadModel(dir, Device.cpu());
             Pretrainer t = new Pretrainer(model, TinyRuns.dataset(16), Checkpoints.trainConfig(dir))) {
            Checkpoints.restore(dir, t);
            assertThat(t.step()).isEqualTo(n);
            for (int i = 0; i < m; i++) {
                t.trainStep();
            }
            Map<String, float[]> resumed = snapshot(model);
            for (String name : straight.keySet()) {
                float[] a = straight.get(name);
                float[] b = resumed.get(name);
                for (int i = 0; i < a.length; i++) {
                    assertThat(Math.abs(a[i] - b[i])).as("%s[%d]", name, i).isLessThanOrEqualTo(1e-6f);
                }
            }
            assertThat(t.history()).hasSize(n + m);
            for (int i = 0; i < n + m; i++) {
                assertThat(t.history().get(i).loss()).isCloseTo(straightHistory.get(i).loss(),
                        org.assertj.core.data.Offset.offset(1e-6));
            }
        }
    }

    @Test
    void a_checkpoint_folder_holds_python_readable_weights_and_json() throws IOException {
        Path dir = tmp.resolve("c1");
        try (GptModel model = GptModel.create(TinyRuns.model(false), 1, Device.cpu());
             Pretrainer t = new Pretrainer(model, TinyRuns.dataset(16), config())) {
            t.trainStep();
            Checkpoints.save(dir, t, tokenizer());
        }
        assertThat(dir.resolve("model.safetensors")).isRegularFile();
        assertThat(dir.resolve("optimizer.safetensors")).isRegularFile();
        assertThat(Files.readString(dir.resolve("config.json"))).contains("\"n_layer\": 2", "\"norm\": \"layernorm\"");
        assertThat(Files.readString(dir.resolve("trainer_state.json"))).contains("\"step\": 1", "\"seed\": 42")
                .contains(TrainerStateJsonTest.WRITTEN_BEFORE.substring(
                        TrainerStateJsonTest.WRITTEN_BEFORE.indexOf("  \"train_config\""),
                        TrainerStateJsonTest.WRITTEN_BEFORE.indexOf("  \"data_rng\"")));
        assertThat(Files.readString(dir.resolve("metrics.json"))).contains("\"grad_norm\"");
        assertThat(Tokenizers.load(dir).vocabSize()).isEqualTo(tokenizer().vocabSize());
        Safetensors.Contents weights = Safetensors.read(dir.resolve("model.safetensors"));
        assertThat(weights.tensors().keySet()).contains("transformer.wte.weight", "transformer.wpe.weight",
                "transformer.h.1.attn.c_attn.weight", "transformer.ln_f.weight");
        assertThat(weights.tensor("transformer.h.0.attn.c_attn.weight").shape()).containsExactly(96, 32);
        Safetensors.Contents opt = Safetensors.read(dir.resolve("optimizer.safetensors"));
        assertThat(opt.tensors().keySet()).contains("transformer.wte.weight.exp_avg",
                "transformer.wte.weight.exp_avg_sq");
        assertThat(opt.metadata()).containsEntry("step", "1");
        // saving again replaces the folder completely, and leaves no temporary folder behind
        try (GptModel model = Checkpoints.loadModel(dir, Device.cpu())) {
            Checkpoints.saveModel(dir, model, null);
        }
        assertThat(dir.resolve("optimizer.safetensors")).doesNotExist();
        try (var files = Files.list(tmp)) {
            assertThat(files.map(p -> p.getFileName().toString()).toList()).containsExactly("c1");
        }
    }

    @Test
    void a_missing_checkpoint_file_is_named() throws IOException {
        Path dir = saved("c2");
        Files.delete(dir.resolve("model.safetensors"));
        assertThatThrownBy(() -> Checkpoints.loadModel(dir, Device.cpu())).isInstanceOf(NoSuchFileException.class)
                .hasMessageContaining("model.safetensors");
        assertThatThrownBy(() -> Checkpoints.loadModel(tmp.resolve("nowhere"), Device.cpu()))
                .isInstanceOf(NoSuchFileException.class).hasMessageContaining("nowhere");
    }

    @Test
    void a_corrupt_weights_file_is_named_not_a_crash() throws IOException {
        Path dir = saved("c3");
        Path weights = dir.resolve("model.safetensors");
        byte[] bytes = Files.readAllBytes(weights);
        Files.write(weights, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        assertThatThrownBy(() -> Checkpoints.loadModel(dir, Device.cpu()))
                .satisfiesAnyOf(e -> assertThat(e).isInstanceOf(IllegalArgumentException.class),
                        e -> assertThat(e).isInstanceOf(IOException.class))
                .hasMessageContaining("model.safetensors");
        Files.writeString(weights, "garbage");
        assertThatThrownBy(() -> Checkpoints.loadModel(dir, Device.cpu())).hasMessageContaining("model.safetensors");
    }

    @Test
    void weights_that_do_not_match_the_config_are_refused() throws IOException {
        Path dir = saved("c4");
        String config = Files.readString(dir.resolve("config.json")).replace("\"n_embd\": 32", "\"n_embd\": 64");
        Files.writeString(dir.resolve("config.json"), config);
        assertThatThrownBy(() -> Checkpoints.loadModel(dir, Device.cpu())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("does not match config.json");
        Files.writeString(dir.resolve("config.json"), "{ not json");
        assertThatThrownBy(() -> Checkpoints.loadModel(dir, Device.cpu())).hasMessageContaining("config.json");
    }

    @Test
    void a_corrupt_optimizer_state_is_named() throws IOException {
        Path dir = saved("c5");
        Files.writeString(dir.resolve("optimizer.safetensors"), "x");
        try (GptModel model = Checkpoints.loadModel(dir, Device.cpu());
             Pretrainer t = new Pretrainer(model, TinyRuns.dataset(16), config())) {
            assertThatThrownBy(() -> Checkpoints.restore(dir, t)).hasMessageContaining("optimizer.safetensors");
        }
    }

    private Path saved(String name) throws IOException {
        Path dir = tmp.resolve(name);
        try (GptModel model = GptModel.create(TinyRuns.model(false), 1, Device.cpu());
             Pretrainer t = new Pretrainer(model, TinyRuns.dataset(16), config())) {
            t.trainStep();
            Checkpoints.save(dir, t, tokenizer());
        }
        return dir;
    }

    private static Tokenizer tokenizer() {
        return CharTokenizer.train(List.of("abcdefghijklmnopqrstuvwxyz ."));
    }

    private static Map<String, float[]> snapshot(GptModel model) {
        Map<String, float[]> s = new java.util.LinkedHashMap<>();
        for (Map.Entry<String, NDArray> e : model.parameters().entrySet()) {
            s.put(e.getKey(), e.getValue().toFloatArray());
        }
        return s;
    }
}
