/*
 * Autograd off for inference: evaluation and sampling must not record a graph (memory, time).
 */
package dev.pairwise.policy.model;

import ai.djl.pytorch.jni.JniUtils;

/**
 * Turns PyTorch's gradient recording off on the current thread until {@link #close()}, which
 * restores the previous mode. Use around evaluation and sampling:
 * {@code try (NoGrad off = NoGrad.enter()) { model.forward(...); }}. PyTorch keeps this mode per
 * thread, and a new thread starts with recording on.
 */
public final class NoGrad implements AutoCloseable {

    private final boolean previous;

    private NoGrad() {
        previous = JniUtils.isGradMode();
        JniUtils.setGradMode(false);
    }

    /** Disables gradient recording on this thread. */
    public static NoGrad enter() {
        return new NoGrad();
    }

    /** Restores the mode that was active before {@link #enter()}. */
    @Override
    public void close() {
        JniUtils.setGradMode(previous);
    }
}
