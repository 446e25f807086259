package dev.pairwise.policy.lora;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import dev.pairwise.policy.model.GptModel;
import dev.pairwise.policy.model.NoGrad;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import dev.pairwise.policy.model.NativeArrays;

/**
 * LoRA (Hu et al. 2021) on a {@link GptModel}: every target weight {@code W} is frozen at its base
 * value {@code W₀} and the model runs with {@code W = W₀ + s·B·A}, {@code s = alpha/rank},
 * {@code A (r, in)} drawn uniform in ±1/√in (PEFT's Kaiming init), {@code B (out, r)} zero — so a
 * fresh adapter leaves the model's outputs unchanged. Only A and B are trained; every other
 * parameter is frozen (its gradient switched off).
 *
 * <p>Deliberate departure: GptModel runs on its own weight tensors, so instead of adding a
 * side branch {@code x·Aᵀ·Bᵀ} to each projection the adapter writes the merged {@code W} into the
 * model before each forward ({@link #apply}) and, after the model's backward, turns the gradient
 * of W into the gradients of A and B by the chain rule ({@link #backward}):
 * {@code ∂L/∂B = s·G·Aᵀ}, {@code ∂L/∂A = s·Bᵀ·G} with {@code G = ∂L/∂W}. The result is exactly
 * LoRA's update; what it gives up is LoRA's memory saving (G is full size), which does not
 * matter at the sizes trained here.
 */
public final class LoraAdapters implements AutoCloseable {

    private final GptModel model;
    private final LoraConfig config;
    private final NDManager manager;
    private final List<String> targets = new ArrayList<>();
    private final Map<String, NDArray> base = new LinkedHashMap<>();
    private final Map<String, NDArray> a = new LinkedHashMap<>();
    private final Map<String, NDArray> b = new LinkedHashMap<>();
    private final Map<String, NDArray> trainable = new LinkedHashMap<>();

    /** Adapters for every weight of {@code model} matching {@code config.targets()}, A drawn from {@code seed}. */
    public LoraAdapters(GptModel model, LoraConfig config, long seed) {
        this.model = model;
        this.config = config;
        this.manager = NDManager.newBaseManager(model.device());
        Random rng = new Random(seed);
        for (Map.Entry<String, NDArray> e : model.parameters().entrySet()) {
            String name = e.getKey();
            NDArray w = e.getValue();
            boolean target = config.targets().stream().anyMatch(t -> name.endsWith("." + t + ".weight"));
            w.setRequiresGradient(target);
            if (!target) {
                continue;
            }
            long out = w.getShape().get(0);
            long in = w.getShape().get(1);
            float bound = (float) (1.0 / Math.sqrt(in));
            float[] init = new float[Math.toIntExact(config.rank() * in)];
            for (int i = 0; i < init.length; i++) {
                init[i] = (rng.nextFloat() * 2 - 1) * bound;
            }
            NDArray ai = NativeArrays.of(manager, init, new Shape(config.rank(), in));
            NDArray bi = manager.zeros(new Shape(out, config.rank()));
            ai.setRequiresGradient(true);
            bi.setRequiresGradient(true);
            targets.add(name);
            base.put(name, NativeArrays.of(manager, w.toFloatArray(), w.getShape()));
            a.put(name, ai);
            b.put(name, bi);
            trainable.put(name + ".lora_A", ai);
            trainable.put(name + ".lora_B", bi);
        }
        if (targets.isEmpty()) {
            manager.close();
            throw new IllegalArgumentException("no weight of the model matches the LoRA targets " + config.targets());
        }
    }

    /** The trainable A and B matrices as {@code <weight>.lora_A} / {@code <weight>.lora_B}; give these to the optimizer. */
    public Map<String, NDArray> parameters() {
        return trainable;
    }

    public LoraConfig config() {
        return config;
    }

    /** Writes {@code W₀ + s·B·A} into each target weight of the model (call after every optimizer step). */
    public void apply() {
        float s = (float) config.scale();
        try (NoGrad off = NoGrad.enter(); NDManager scratch = manager.newSubManager()) {
            for (String name : targets) {
                NDArray merged = base.get(name).add(NativeArrays.mul(b.get(name).matMul(a.get(name)), s));
                merged.attach(scratch);
                NativeArrays.copyInto(model.parameters().get(name), merged);
            }
        }
    }

    /**
     * After the model's backward (its collector closed): moves each target's gradient G into A and
     * B by the chain rule and clears G. Opens a gradient collector of its own.
     */
    public void backward() {
        float s = (float) config.scale();
        try (NDManager scratch = manager.newSubManager();
                GradientCollector collector = Engine.getEngine("PyTorch").newGradientCollector()) {
            NDArray surrogate = null;
            List<NDArray> grads = new ArrayList<>();
            for (String name : targets) {
                NDArray w = model.parameters().get(name);
                NDArray g = w.getGradient();
                g.attach(scratch);
                // Σ G ⊙ (s·B·A): its gradients are s·G·Aᵀ for B and s·Bᵀ·G for A.
                NDArray term = NativeArrays.mul(g.stopGradient().mul(b.get(name).matMul(a.get(name))).sum(), s);
                surrogate = surrogate == null ? term : surrogate.add(term);
                grads.add(g);
            }
            collector.backward(surrogate);
            for (NDArray g : grads) {
                g.subi(g);
            }
        }
    }

    /** The adapters alone, for saving separately from the base. */
    public Map<String, NDArray> adapterWeights() {
        return trainable;
    }

    /** The frozen base value of each target weight. */
    public Map<String, NDArray> baseWeights() {
        return base;
    }

    @Override
    public void close() {
        manager.close();
    }
}
