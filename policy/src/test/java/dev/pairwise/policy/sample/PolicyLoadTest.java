package dev.pairwise.policy.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PolicyLoadTest {

    @TempDir
    Path tmp;

    @Test
    void a_saved_checkpoint_loads_and_samples() throws IOException {
        Path dir = Checkpoints4Test.write(tmp.resolve("ckpt"));
        try (Policy policy = Policy.load(dir)) {
            List<Sample> samples = new Sampler(policy.model(), policy.tokenizer())
                    .sample(List.of(policy.tokenizer().encode("to be")), 2, SamplingConfig.greedy(5));
            assertThat(samples).hasSize(2).allSatisfy(s -> assertThat(s.tokenCount()).isEqualTo(5));
        }
    }

    @Test
    void a_missing_checkpoint_is_named() {
        Path missing = tmp.resolve("nope");
        assertThatThrownBy(() -> Policy.load(missing)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(missing.toString()).hasMessageContaining("is not a folder");
    }

    @Test
    void a_missing_file_is_named() throws IOException {
        Path dir = Checkpoints4Test.write(tmp.resolve("ckpt"));
        Files.delete(dir.resolve("model.safetensors"));
        assertThatThrownBy(() -> Policy.load(dir)).hasMessageContaining("has no model.safetensors");
    }

    @Test
    void corrupt_weights_are_reported_as_such() throws IOException {
        Path dir = Checkpoints4Test.write(tmp.resolve("ckpt"));
        Path weights = dir.resolve("model.safetensors");
        byte[] bytes = Files.readAllBytes(weights);
        Files.write(weights, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        assertThatThrownBy(() -> Policy.load(dir)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cannot load the model").hasMessageContaining("model.safetensors: truncated");
    }

    @Test
    void a_corrupt_config_is_reported_as_such() throws IOException {
        Path dir = Checkpoints4Test.write(tmp.resolve("ckpt"));
        Files.writeString(dir.resolve("config.json"), "{\"n_layer\": ");
        assertThatThrownBy(() -> Policy.load(dir)).hasMessageContaining("config.json");
    }

    @Test
    void a_tokenizer_that_does_not_fit_the_model_is_rejected() throws IOException {
        Path dir = Checkpoints4Test.write(tmp.resolve("ckpt"));
        dev.pairwise.policy.tokenizer.CharTokenizer.train(List.of("xyz")).save(dir);
        // x, y, z, the four chat tokens and <|unk|>
        assertThatThrownBy(() -> Policy.load(dir)).hasMessageContaining("tokenizer.json has 8 ids")
                .hasMessageContaining("vocab_size");
    }
}
