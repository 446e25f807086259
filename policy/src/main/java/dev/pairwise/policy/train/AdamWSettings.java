package dev.pairwise.policy.train;

/**
 * The settings every {@link AdamW} step takes besides its learning rate, with their defaults and
 * checks, for pretraining ({@link TrainConfig}) and the alignment trainers alike. AdamW is Adam
 * with the weight decay taken out of the gradient and applied to the weights directly
 * (Loshchilov &amp; Hutter 2019, "Decoupled Weight Decay Regularization", ICLR 2019).
 *
 * <p>The learning rate is not here: it changes every step, so each trainer keeps its peak beside
 * the schedule that scales it ({@link WarmupCosine}) and checks it with {@link #checkLearningRate}.
 *
 * @param weightDecay  decoupled decay of 2-D weights only (norms and biases are not decayed);
 *                     0.1 for pretraining, 0 for fine-tuning (see {@link #PRETRAINING})
 * @param beta1        Adam's first-moment decay; 0.9
 * @param beta2        Adam's second-moment decay; 0.99 for small models (nanoGPT's char run;
 *                     PyTorch's default 0.999 suits long runs of large ones)
 * @param eps          Adam's epsilon; 1e-8 as PyTorch
 * @param gradClip     global L2 norm limit of the gradient; 1.0 as nanoGPT and TRL; 0 disables
 */
public record AdamWSettings(double weightDecay, double beta1, double beta2, double eps, double gradClip) {

    /** Pretraining from scratch: decay 0.1, as nanoGPT and GPT-2/3. */
    public static final AdamWSettings PRETRAINING = of(0.1);

    /**
     * Fine-tuning (SFT, DPO, PPO, reward models): no decay, TRL's default, since the pretrained
     * weights are the prior to stay near, not zero.
     */
    public static final AdamWSettings FINE_TUNING = of(0.0);

    /** Checks every field; the message names the field. */
    public AdamWSettings {
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

    /** The defaults above with decay {@code weightDecay}. */
    public static AdamWSettings of(double weightDecay) {
        return new AdamWSettings(weightDecay, 0.9, 0.99, 1e-8, 1.0);
    }

    /** A copy clipping the gradient's global norm at {@code newGradClip} (0: no clipping). */
    public AdamWSettings withGradClip(double newGradClip) {
        return new AdamWSettings(weightDecay, beta1, beta2, eps, newGradClip);
    }

    /**
     * Checks a peak learning rate: positive and finite.
     *
     * @return {@code lr}
     * @throws IllegalArgumentException naming {@code lr}
     */
    public static double checkLearningRate(double lr) {
        if (!(lr > 0) || !Double.isFinite(lr)) {
            throw new IllegalArgumentException("lr must be > 0, got " + lr);
        }
        return lr;
    }
}
