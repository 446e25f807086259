package dev.pairwise.policy.align;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Activation;

/**
 * {@code log σ(x) = −softplus(−x)}, stable for large |x| (PyTorch's softplus switches to the
 * identity above its threshold, so {@code log σ(−100)} is −100, not {@code log 0}).
 */
public final class LogSigmoid {

    private LogSigmoid() {
    }

    /** Element-wise {@code log σ(x)}. */
    public static NDArray of(NDArray x) {
        return Activation.softPlus(x.neg()).neg();
    }
}
