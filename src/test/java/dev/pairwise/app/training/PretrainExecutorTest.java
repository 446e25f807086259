package dev.pairwise.app.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pairwise.labeling.InvalidInputException;
import dev.pairwise.policy.model.GptConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PretrainExecutorTest {

    @TempDir
    Path dir;

    @Test
    void the_default_size_is_the_tiny_modern_gpt() {
        GptConfig c = PretrainExecutor.model("tiny", 300);
        assertThat(c.layers()).isEqualTo(2);
        assertThat(c.width()).isEqualTo(64);
        assertThat(c.contextLength()).isEqualTo(128);
        assertThat(c.vocabSize()).isEqualTo(300);
        assertThat(PretrainExecutor.model("nanogpt-cpu", 300).layers()).isEqualTo(4);
    }

    @Test
    void a_corpus_that_cannot_fill_a_held_out_window_is_refused() throws Exception {
        // 128-token context: the held-out tenth needs 130 tokens, so at least about 1,300 bytes.
        Path shortOne = Files.writeString(dir.resolve("short.txt"), "x".repeat(1_279));
        assertThatThrownBy(() -> PretrainExecutor.refuseShort(shortOne, 128))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("config.corpus"))
                .hasMessageContaining("too short");
        Path enough = Files.writeString(dir.resolve("enough.txt"), "x".repeat(1_290));
        assertThatNoException().isThrownBy(() -> PretrainExecutor.refuseShort(enough, 128));
    }
}
