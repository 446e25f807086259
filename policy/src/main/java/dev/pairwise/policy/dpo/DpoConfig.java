package dev.pairwise.policy.dpo;

import dev.pairwise.policy.align.DpoLossType;
import dev.pairwise.policy.align.Optim;
import dev.pairwise.policy.lora.LoraConfig;
import org.jspecify.annotations.Nullable;

/**
 * Direct Preference Optimization settings (Rafailov et al. 2023).
 *
 * @param beta            strength of the implicit KL constraint to the reference; 0.1 as the
 *                        paper and TRL
 * @param lossType        sigmoid (DPO), IPO or hinge; sigmoid
 * @param labelSmoothing  ε of conservative DPO, the assumed share of flipped labels; 0 (plain DPO)
 * @param epochs          passes over the pairs; 1 (the DPO paper; more overfits the pairs)
 * @param batchSize       pairs per step; 8 on a CPU (the paper: 64)
 * @param optim           AdamW; lr 5e-5 for the small models here (the paper's 1e-6 is for
 *                        billions of parameters, which need far smaller steps)
 * @param maxLength       prompt + response tokens, 0 = the model's context length; the prompt is
 *                        cut from the left when too long
 * @param lora            low-rank adaptation, or null for full fine-tuning
 * @param valFraction     pairs held out for the validation metrics; 0.1
 * @param evalInterval    steps between validation passes, 0 = only at the end
 * @param seed            seeds the split and the shuffles
 */
public record DpoConfig(double beta, DpoLossType lossType, double labelSmoothing, int epochs, int batchSize,
        Optim optim, int maxLength, @Nullable LoraConfig lora, double valFraction, int evalInterval, long seed) {

    public DpoConfig {
        if (!(beta > 0) || !Double.isFinite(beta)) {
            throw new IllegalArgumentException("beta must be > 0, got " + beta);
        }
        if (lossType == null) {
            throw new IllegalArgumentException("lossType must be set");
        }
        if (!(labelSmoothing >= 0 && labelSmoothing < 0.5)) {
            throw new IllegalArgumentException("labelSmoothing must be in [0, 0.5), got " + labelSmoothing);
        }
        if (labelSmoothing > 0 && lossType != DpoLossType.SIGMOID) {
            throw new IllegalArgumentException("labelSmoothing applies to the sigmoid loss only");
        }
        if (epochs <= 0 || batchSize <= 0) {
            throw new IllegalArgumentException("epochs and batchSize must be > 0, got " + epochs + ", " + batchSize);
        }
        if (optim == null) {
            throw new IllegalArgumentException("optim must be set");
        }
        if (maxLength < 0) {
            throw new IllegalArgumentException("maxLength must be >= 0 (0 = context length), got " + maxLength);
        }
        if (!(valFraction >= 0 && valFraction < 1)) {
            throw new IllegalArgumentException("valFraction must be in [0, 1), got " + valFraction);
        }
        if (evalInterval < 0) {
            throw new IllegalArgumentException("evalInterval must be >= 0, got " + evalInterval);
        }
    }

    /** The defaults documented above. */
    public static DpoConfig defaults() {
        return new DpoConfig(0.1, DpoLossType.SIGMOID, 0.0, 1, 8, Optim.of(5e-5), 0, null, 0.1, 0, 1234);
    }

    public DpoConfig withLoss(DpoLossType type, double beta, double smoothing) {
        return new DpoConfig(beta, type, smoothing, epochs, batchSize, optim, maxLength, lora, valFraction,
                evalInterval, seed);
    }

    public DpoConfig withTraining(int newEpochs, int newBatchSize, Optim newOptim) {
        return new DpoConfig(beta, lossType, labelSmoothing, newEpochs, newBatchSize, newOptim, maxLength, lora,
                valFraction, evalInterval, seed);
    }

    /** A copy training LoRA adapters ({@code null}: every weight). */
    public DpoConfig withLora(@Nullable LoraConfig newLora) {
        return new DpoConfig(beta, lossType, labelSmoothing, epochs, batchSize, optim, maxLength, newLora,
                valFraction, evalInterval, seed);
    }

    /** A copy with another seed (the split, the shuffles, LoRA's initial A). */
    public DpoConfig withSeed(long newSeed) {
        return new DpoConfig(beta, lossType, labelSmoothing, epochs, batchSize, optim, maxLength, lora,
                valFraction, evalInterval, newSeed);
    }
}
