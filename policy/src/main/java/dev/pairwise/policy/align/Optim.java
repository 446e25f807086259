package dev.pairwise.policy.align;

import ai.djl.ndarray.NDManager;
import dev.pairwise.policy.lora.LoraAdapters;
import dev.pairwise.policy.train.AdamW;
import dev.pairwise.policy.train.WarmupCosine;
import org.jspecify.annotations.Nullable;

/**
 * The optimizer settings every alignment trainer shares (AdamW, Loshchilov &amp; Hutter 2019, with
 * linear warmup then cosine decay, global-norm clipping), validated once here.
 *
 * @param lr           peak learning rate
 * @param minLrRatio   final learning rate as a share of {@code lr}; 0.1 as nanoGPT
 * @param warmupRatio  share of all steps spent warming up linearly; 0.1 as TRL's usual recipes
 * @param weightDecay  decoupled decay of 2-D weights; 0 as TRL's fine-tuning default (the
 *                     pretrained weights are the prior to stay near, not zero)
 * @param beta1        Adam's first-moment decay; 0.9
 * @param beta2        Adam's second-moment decay; 0.99 for small models (nanoGPT)
 * @param eps          Adam's epsilon; 1e-8 as PyTorch
 * @param gradClip     global L2 norm limit; 1.0 as nanoGPT and TRL; 0 disables
 */
public record Optim(double lr, double minLrRatio, double warmupRatio, double weightDecay, double beta1,
        double beta2, double eps, double gradClip) {

    public Optim {
        if (!(lr > 0) || !Double.isFinite(lr)) {
            throw new IllegalArgumentException("lr must be > 0, got " + lr);
        }
        if (!(minLrRatio >= 0 && minLrRatio <= 1)) {
            throw new IllegalArgumentException("minLrRatio must be in [0, 1], got " + minLrRatio);
        }
        if (!(warmupRatio >= 0 && warmupRatio < 1)) {
            throw new IllegalArgumentException("warmupRatio must be in [0, 1), got " + warmupRatio);
        }
        if (!(weightDecay >= 0)) {
            throw new IllegalArgumentException("weightDecay must be >= 0, got " + weightDecay);
        }
        if (!(beta1 >= 0 && beta1 < 1) || !(beta2 >= 0 && beta2 < 1)) {
            throw new IllegalArgumentException("beta1 and beta2 must be in [0, 1), got " + beta1 + ", " + beta2);
        }
        if (!(eps > 0)) {
            throw new IllegalArgumentException("eps must be > 0, got " + eps);
        }
        if (!(gradClip >= 0)) {
            throw new IllegalArgumentException("gradClip must be >= 0 (0 disables), got " + gradClip);
        }
    }

    /** The defaults above at learning rate {@code lr}. */
    public static Optim of(double lr) {
        return new Optim(lr, 0.1, 0.1, 0.0, 0.9, 0.99, 1e-8, 1.0);
    }

    /** Learning rate at step {@code step} (0-based) of {@code total}: warmup, then cosine to lr·minLrRatio. */
    public double lrAt(int step, int total) {
        return WarmupCosine.at(step, total, (int) Math.floor(warmupRatio * total), lr, lr * minLrRatio);
    }

    /**
     * One AdamW step with these settings at learning rate {@code lr}: global-norm clipping to
     * {@link #gradClip()}, decay on 2-D weights. Returns the gradient norm before clipping.
     */
    public float step(AdamW optimizer, double lr, NDManager scratch) {
        return optimizer.clipAndUpdate(lr, weightDecay, beta1, beta2, eps, gradClip, scratch);
    }

    /**
     * The same step for a model trained through LoRA adapters, or directly when {@code lora} is
     * null: the weight gradients move into A and B first, and the merged weights are written back
     * after the update. Scratch arrays live in a sub-manager of {@code root}.
     */
    public float step(AdamW optimizer, @Nullable LoraAdapters lora, double lr, NDManager root) {
        if (lora != null) {
            lora.backward();
        }
        float norm;
        try (NDManager scratch = root.newSubManager()) {
            norm = step(optimizer, lr, scratch);
        }
        if (lora != null) {
            lora.apply();
        }
        return norm;
    }
}
