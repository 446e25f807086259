package dev.pairwise.policy.train;

import ai.djl.pytorch.jni.JniUtils;

/**
 * Runs PyTorch with one intra-op thread until closed. Tiny test models gain nothing from two
 * threads, and on a shared, oversubscribed 2-core machine every two-thread OpenMP region waits
 * for a descheduled thread (seen: 8 ms/step with one thread, 200-550 ms with two).
 */
public final class OneThread implements AutoCloseable {

    private final int previous;

    private OneThread() {
        ai.djl.engine.Engine.getEngine("PyTorch"); // loads the native library
        previous = JniUtils.getNumThreads();
        JniUtils.setNumThreads(1);
    }

    public static OneThread enter() {
        return new OneThread();
    }

    @Override
    public void close() {
        JniUtils.setNumThreads(previous);
    }
}
