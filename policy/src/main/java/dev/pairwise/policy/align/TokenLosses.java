package dev.pairwise.policy.align;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import dev.pairwise.policy.model.NativeArrays;

/**
 * Token-level pieces of supervised fine-tuning and of the policy-gradient methods: per-token
 * log-probabilities of given labels, the response-only cross-entropy of SFT, sequence
 * log-probabilities (DPO), and the entropy of the next-token distribution (PPO).
 *
 * <p>Shapes: {@code logits [B, T, V]} already aligned with {@code labels [B, T]} (the caller
 * shifts by one: logits at position t score the token at t+1); {@code mask [B, T]} holds 1 on
 * tokens that count (the response) and 0 elsewhere (prompt, padding). SFT averages the loss over
 * response tokens only, as Alpaca's {@code IGNORE_INDEX} and TRL's {@code completion_only_loss}
 * do; DJL's {@code MaskedSoftmaxCrossEntropyLoss} masks a prefix by valid length and cannot.
 */
public final class TokenLosses {

    private TokenLosses() {
    }

    /** {@code log p(labels[b,t] | logits[b,t])}, shape {@code [B, T]}. */
    public static NDArray tokenLogProbs(NDArray logits, NDArray labels) {
        NDArray logp = logits.logSoftmax(-1);
        NDArray index = labels.toType(DataType.INT64, false).expandDims(-1);
        return logp.gather(index, -1).squeeze(-1);
    }

    /**
     * Mean negative log-likelihood over the tokens where {@code mask} is 1 (SFT: response tokens
     * only): {@code −Σ mask·log p / Σ mask}. Throws if the mask selects no token, because then the
     * batch has nothing to learn from and a silent 0 would hide a data bug.
     */
    public static NDArray maskedCrossEntropy(NDArray logits, NDArray labels, NDArray mask) {
        NDArray m = mask.toType(logits.getDataType(), false);
        float count = m.sum().getFloat();
        if (count <= 0f) {
            throw new IllegalArgumentException("mask selects no token: every response is empty or truncated away");
        }
        return NativeArrays.div(tokenLogProbs(logits, labels).mul(m).sum().neg(), count);
    }

    /** Sum of the masked token log-probabilities per sequence, shape {@code [B]} (DPO's log π(y|x)). */
    public static NDArray sequenceLogProbs(NDArray logits, NDArray labels, NDArray mask) {
        NDArray m = mask.toType(logits.getDataType(), false);
        return tokenLogProbs(logits, labels).mul(m).sum(new int[] {1});
    }

    /** Entropy {@code −Σ_v p_v log p_v} of each next-token distribution, shape {@code [B, T]}. */
    public static NDArray entropy(NDArray logits) {
        NDArray logp = logits.logSoftmax(-1);
        return logp.exp().mul(logp).sum(new int[] {-1}).neg();
    }

    /** {@code Σ mask·x / Σ mask} over all elements; 0 when the mask is empty. */
    public static NDArray maskedMean(NDArray x, NDArray mask) {
        NDArray m = mask.toType(x.getDataType(), false);
        float count = m.sum().getFloat();
        return NativeArrays.div(x.mul(m).sum(), Math.max(count, 1f));
    }
}
