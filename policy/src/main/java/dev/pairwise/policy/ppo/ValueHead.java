package dev.pairwise.policy.ppo;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The critic of PPO as a head on the policy's own backbone (TRL's
 * {@code AutoModelForCausalLMWithValueHead}): {@code V_t = w·h_t + b} on the final normed hidden
 * state {@code h_t} of position t ({@code GptModel.forwardHidden}). w starts at zero, so the
 * first values are b = 0.
 */
final class ValueHead implements AutoCloseable {

    private final NDManager manager;
    private final NDArray w;
    private final NDArray b;

    ValueHead(int width, Device device) {
        manager = NDManager.newBaseManager(device);
        w = manager.zeros(new Shape(width));
        b = manager.zeros(new Shape(1));
        w.setRequiresGradient(true);
        b.setRequiresGradient(true);
    }

    /** Values {@code (B, T)} of every position of {@code hidden (B, T, width)}. */
    NDArray values(NDArray hidden) {
        return hidden.matMul(w).add(b);
    }

    Map<String, NDArray> parameters() {
        Map<String, NDArray> p = new LinkedHashMap<>();
        p.put("v_head.weight", w);
        p.put("v_head.bias", b);
        return p;
    }

    @Override
    public void close() {
        manager.close();
    }
}
