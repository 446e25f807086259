package dev.pairwise.policy.align;

import ai.djl.ndarray.NDManager;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.pairwise.policy.lora.LoraAdapters;
import dev.pairwise.policy.train.AdamW;
import dev.pairwise.policy.train.AdamWSettings;
import dev.pairwise.policy.train.WarmupCosine;
import org.jspecify.annotations.Nullable;

/**
 * The optimizer settings every alignment trainer shares: AdamW with {@link AdamWSettings} (which
 * holds its defaults and checks), and linear warmup then cosine decay of the learning rate, stated
 * as shares of the run so that one setting fits any run length.
 *
 * @param lr           peak learning rate
 * @param minLrRatio   final learning rate as a share of {@code lr}; 0.1 as nanoGPT
 * @param warmupRatio  share of all steps spent warming up linearly; 0.1 as TRL's usual recipes
 * @param adamW        the step's other settings; {@link AdamWSettings#FINE_TUNING}. Unwrapped in
 *                     JSON, so a trainer_state.json config keeps its flat {@code optim} object
 *                     ({@code lr, minLrRatio, warmupRatio, weightDecay, beta1, ...}) as before
 */
public record Optim(double lr, double minLrRatio, double warmupRatio, @JsonUnwrapped AdamWSettings adamW) {

    /** Checks every field; the message names the field. */
    public Optim {
        AdamWSettings.checkLearningRate(lr);
        if (!(minLrRatio >= 0 && minLrRatio <= 1)) {
            throw new IllegalArgumentException("minLrRatio must be in [0, 1], got " + minLrRatio);
        }
        if (!(warmupRatio >= 0 && warmupRatio < 1)) {
            throw new IllegalArgumentException("warmupRatio must be in [0, 1), got " + warmupRatio);
        }
        if (adamW == null) {
            throw new IllegalArgumentException("adamW must be set");
        }
    }

    /** The defaults above at learning rate {@code lr}. */
    public static Optim of(double lr) {
        return new Optim(lr, 0.1, 0.1, AdamWSettings.FINE_TUNING);
    }

    /** Learning rate at step {@code step} (0-based) of {@code total}: warmup, then cosine to lr·minLrRatio. */
    public double lrAt(int step, int total) {
        return WarmupCosine.at(step, total, (int) Math.floor(warmupRatio * total), lr, lr * minLrRatio);
    }

    /**
     * One AdamW step with these settings at learning rate {@code lr}: global-norm clipping to
     * {@link AdamWSettings#gradClip()}, decay on 2-D weights. Returns the gradient norm before
     * clipping.
     */
    public float step(AdamW optimizer, double lr, NDManager scratch) {
        return optimizer.clipAndUpdate(lr, adamW, scratch);
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
