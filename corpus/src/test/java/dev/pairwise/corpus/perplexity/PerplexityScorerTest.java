package dev.pairwise.corpus.perplexity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.pairwise.policy.model.GptModel;
import dev.pairwise.policy.model.NativeArrays;
import dev.pairwise.policy.sample.Policy;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PerplexityScorerTest {

    @TempDir
    static Path dir;
    static Path checkpoint;

    @BeforeAll
    static void train() throws Exception {
        checkpoint = TinyCheckpoint.train(dir.resolve("ckpt"), 150);
    }

    @Test
    void perplexity_is_the_exponent_of_the_mean_token_loss() {
        String text = "the towns built bridges";
        double expected;
        try (Policy policy = Policy.load(checkpoint); NDManager m = NDManager.newBaseManager()) {
            int[] ids = policy.tokenizer().encode(text);
            NDArray x = NativeArrays.of(m, Arrays.copyOf(ids, ids.length - 1), new Shape(1, ids.length - 1));
            NDArray y = NativeArrays.of(m, Arrays.copyOfRange(ids, 1, ids.length), new Shape(1, ids.length - 1));
            expected = Math.exp(GptModel.loss(policy.model().forward(x), y).getFloat());
        }
        try (PerplexityScorer scorer = new PerplexityScorer(checkpoint, 1024)) {
            assertThat(scorer.perplexity(text)).isCloseTo(expected, within(expected * 1e-4));
        }
    }

    @Test
    void text_like_the_reference_scores_lower_than_noise() {
        try (PerplexityScorer scorer = new PerplexityScorer(checkpoint, 1024)) {
            double prose = scorer.perplexity("Traders came with salt and tools, and the villages grew into towns by the water.");
            double noise = scorer.perplexity("xq7#zv!k 0@w; jj}{ qqq 93 zx/ v_v k; ~ @@ 1z |p t$ 8w xqz!");
            assertThat(prose).isLessThan(noise / 2);
            // a document longer than the context is read in windows: still finite and in range
            double longer = scorer.perplexity(TinyCheckpoint.REFERENCE.substring(0, 500));
            assertThat(longer).isFinite().isLessThan(prose * 2);
        }
    }

    @Test
    void a_one_token_document_has_no_score_and_a_bad_folder_is_named() {
        try (PerplexityScorer scorer = new PerplexityScorer(checkpoint, 1024)) {
            assertThat(scorer.perplexity("a")).isNaN();
        }
        assertThatThrownBy(() -> new PerplexityScorer(dir.resolve("missing"), 64)).hasMessageContaining("missing");
    }
}
