package dev.pairwise.policy.tokenizer;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The speed requirement: a 4k vocabulary on Tiny Shakespeare (1.1 MB) in seconds, not minutes. */
class ShakespeareTrainingTest {

    @Test
    void four_k_vocabulary_trains_on_tiny_shakespeare_in_under_twenty_seconds() throws IOException {
        assumeTrue(Texts.shakespeareAvailable(), "Tiny Shakespeare not found at " + Texts.SHAKESPEARE.toAbsolutePath() + ", skipped");
        String text = Files.readString(Texts.SHAKESPEARE);

        long start = System.nanoTime();
        BpeTokenizer tokenizer = BpeTrainer.train(List.of(text), 4096);
        double seconds = (System.nanoTime() - start) / 1e9;

        assertThat(seconds).isLessThan(20);
        assertThat(tokenizer.vocabSize()).isEqualTo(4096 + 4);
        int[] ids = tokenizer.encode(text);
        double bytesPerToken = (double) text.getBytes(StandardCharsets.UTF_8).length / ids.length;
        assertThat(bytesPerToken).as("a 4k BPE compresses English well beyond one byte per token").isGreaterThan(2.5);
        assertThat(tokenizer.decode(ids)).isEqualTo(text);
        System.out.printf("Tiny Shakespeare: vocab %d trained in %.2f s, %d tokens, %.3f bytes/token%n",
                tokenizer.vocabSize(), seconds, ids.length, bytesPerToken);
    }
}
