package dev.pairwise.corpus.perplexity;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.pairwise.policy.align.TokenLosses;
import dev.pairwise.policy.model.NativeArrays;
import dev.pairwise.policy.model.NoGrad;
import dev.pairwise.policy.sample.Policy;
import java.nio.file.Path;

/**
 * The per-token perplexity of a document under one of our GPT checkpoints, CCNet's quality signal
 * (Wenzek et al. 2020, "CCNet: Extracting High Quality Monolingual Datasets from Web Crawl Data",
 * which scores with a 5-gram model trained on Wikipedia; we use a small GPT trained on a reference
 * corpus the user chooses). Perplexity = exp(mean negative log-likelihood of each token given the
 * ones before it), so it is comparable across document lengths. The document's first
 * {@code maxTokens} tokens are read in windows of the model's context length; each window predicts
 * its tokens after the first from the ones before within the window (no carry-over between
 * windows — a simplification that slightly raises the perplexity of long documents).
 */
public final class PerplexityScorer implements AutoCloseable {

    private final Policy policy;
    private final int maxTokens;
    private final NDManager root;

    /**
     * Loads the checkpoint (config.json, model.safetensors, tokenizer.json).
     *
     * @throws IllegalArgumentException naming the checkpoint and what is wrong with it
     */
    public PerplexityScorer(Path checkpoint, int maxTokens) {
        if (maxTokens < 2) {
            throw new IllegalArgumentException("perplexity needs at least 2 tokens per document, max tokens was " + maxTokens);
        }
        this.policy = Policy.load(checkpoint);
        this.maxTokens = maxTokens;
        this.root = NDManager.newBaseManager(policy.model().device());
    }

    /** Per-token perplexity of {@code text}; NaN when it encodes to fewer than two tokens. */
    public double perplexity(String text) {
        int[] ids = policy.tokenizer().encode(text);
        int n = Math.min(ids.length, maxTokens);
        if (n < 2) {
            return Double.NaN;
        }
        int context = policy.model().config().contextLength();
        double nll = 0;
        long predicted = 0;
        try (NoGrad off = NoGrad.enter(); NDManager sm = root.newSubManager()) {
            for (int from = 0; from + 1 < n; from += context) {
                int len = Math.min(context, n - from);
                if (len < 2) {
                    break;
                }
                int[] window = new int[len];
                System.arraycopy(ids, from, window, 0, len);
                int[] input = java.util.Arrays.copyOf(window, len - 1);
                int[] target = java.util.Arrays.copyOfRange(window, 1, len);
                NDArray x = NativeArrays.of(sm, input, new Shape(1, len - 1));
                NDArray y = NativeArrays.of(sm, target, new Shape(1, len - 1));
                NDArray logp = TokenLosses.tokenLogProbs(policy.model().forward(x), y);
                nll -= logp.sum().getFloat();
                predicted += len - 1;
            }
        }
        return Math.exp(nll / predicted);
    }

    @Override
    public void close() {
        root.close();
        policy.close();
    }
}
