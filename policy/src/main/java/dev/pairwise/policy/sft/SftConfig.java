package dev.pairwise.policy.sft;

import dev.pairwise.policy.align.Optim;
import dev.pairwise.policy.lora.LoraConfig;
import org.jspecify.annotations.Nullable;

/**
 * Supervised fine-tuning settings (next-token cross-entropy on response tokens only).
 *
 * @param epochs        passes over the demonstrations; 2 (the field uses 1–3: InstructGPT 16
 *                      with cosine decay for 175B, Alpaca 3, TRL 3)
 * @param batchSize     sequences (or packed rows) per step; 8, small enough for a CPU
 * @param optim         AdamW settings; lr 1e-4, ten times below nanoGPT's pretraining lr 1e-3
 *                      (SFT's learning rate is usually about 10× below pretraining's)
 * @param maxLength     tokens per sequence, 0 = the model's context length; longer examples lose
 *                      prompt tokens from the left (the response is what is learned)
 * @param packing       concatenate examples into full rows (TRL {@code packing}); false by default
 *                      as TRL, because attention then crosses example boundaries
 * @param lora          low-rank adaptation instead of full fine-tuning; null = full (the models
 *                      here are small enough to train whole)
 * @param valFraction   share of examples held out for validation loss; 0.1 (90/10)
 * @param evalInterval  steps between validation passes, 0 = only at the end; 50
 * @param checkpointInterval steps between checkpoints when a folder is given, 0 = only at the end
 * @param seed          seeds the split, the shuffles and LoRA's A
 */
public record SftConfig(int epochs, int batchSize, Optim optim, int maxLength, boolean packing,
        @Nullable LoraConfig lora, double valFraction, int evalInterval, int checkpointInterval, long seed) {

    public SftConfig {
        if (epochs <= 0) {
            throw new IllegalArgumentException("epochs must be > 0, got " + epochs);
        }
        if (batchSize <= 0) {
            throw new IllegalArgumentException("batchSize must be > 0, got " + batchSize);
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
        if (evalInterval < 0 || checkpointInterval < 0) {
            throw new IllegalArgumentException("evalInterval and checkpointInterval must be >= 0");
        }
    }

    /** The defaults documented above. */
    public static SftConfig defaults() {
        return new SftConfig(2, 8, Optim.of(1e-4), 0, false, null, 0.1, 50, 0, 1234);
    }

    public SftConfig withEpochs(int e) {
        return new SftConfig(e, batchSize, optim, maxLength, packing, lora, valFraction, evalInterval,
                checkpointInterval, seed);
    }

    public SftConfig withOptim(Optim o) {
        return new SftConfig(epochs, batchSize, o, maxLength, packing, lora, valFraction, evalInterval,
                checkpointInterval, seed);
    }

    public SftConfig withLora(@Nullable LoraConfig l) {
        return new SftConfig(epochs, batchSize, optim, maxLength, packing, l, valFraction, evalInterval,
                checkpointInterval, seed);
    }

    public SftConfig withPacking(boolean p) {
        return new SftConfig(epochs, batchSize, optim, maxLength, p, lora, valFraction, evalInterval,
                checkpointInterval, seed);
    }

    public SftConfig withBatchSize(int b) {
        return new SftConfig(epochs, b, optim, maxLength, packing, lora, valFraction, evalInterval,
                checkpointInterval, seed);
    }

    /** A copy evaluating every {@code interval} steps (0: only at the end). */
    public SftConfig withEvalInterval(int interval) {
        return new SftConfig(epochs, batchSize, optim, maxLength, packing, lora, valFraction, interval,
                checkpointInterval, seed);
    }

    /** A copy with another seed (the split, the shuffles, LoRA's initial A). */
    public SftConfig withSeed(long s) {
        return new SftConfig(epochs, batchSize, optim, maxLength, packing, lora, valFraction, evalInterval,
                checkpointInterval, s);
    }
}
