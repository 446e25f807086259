/*
 * Pretraining hyper-parameters. Defaults are nanoGPT's Shakespeare-char settings, which the
 * PyTorch peer also uses: AdamW with AdamWSettings.PRETRAINING (betas (0.9, 0.99), decay 0.1 on
 * matrices only, global-norm clip 1.0), 100 warmup steps then cosine to lr/10.
 */
package dev.pairwise.policy.train;

/**
 * Validated training settings.
 *
 * @param iters         optimizer steps in the whole run (the cosine schedule ends here)
 * @param batchSize     sequences per micro-batch
 * @param accumulation  micro-batches per optimizer step (gradient accumulation); 1 = none
 * @param lr            peak learning rate, reached after warmup
 * @param minLr         final learning rate of the cosine decay; nanoGPT uses lr/10
 * @param warmupIters   linear warmup steps; nanoGPT's 100
 * @param adamW         the optimizer's other settings; {@link AdamWSettings#PRETRAINING}
 * @param evalInterval  evaluate every this many steps (and at the end); 0 = only at the end
 * @param evalIters     batches per split in one evaluation; 20 as nanoGPT's CPU run
 * @param seed          seeds the weight initialisation and every batch
 */
public record TrainConfig(
        int iters,
        int batchSize,
        int accumulation,
        double lr,
        double minLr,
        int warmupIters,
        AdamWSettings adamW,
        int evalInterval,
        int evalIters,
        long seed) {

    /** Validates every field; the message names the field. */
    public TrainConfig {
        if (iters <= 0) {
            throw new IllegalArgumentException("iters must be > 0, got " + iters);
        }
        if (batchSize <= 0) {
            throw new IllegalArgumentException("batchSize must be > 0, got " + batchSize);
        }
        if (accumulation <= 0) {
            throw new IllegalArgumentException("accumulation must be > 0, got " + accumulation);
        }
        AdamWSettings.checkLearningRate(lr);
        if (!(minLr >= 0 && minLr <= lr)) {
            throw new IllegalArgumentException("minLr must be in [0, lr], got " + minLr);
        }
        if (warmupIters < 0) {
            throw new IllegalArgumentException("warmupIters must be >= 0, got " + warmupIters);
        }
        if (adamW == null) {
            throw new IllegalArgumentException("adamW must be set");
        }
        if (evalInterval < 0) {
            throw new IllegalArgumentException("evalInterval must be >= 0, got " + evalInterval);
        }
        if (evalIters <= 0) {
            throw new IllegalArgumentException("evalIters must be > 0, got " + evalIters);
        }
    }

    /** nanoGPT's defaults for {@code iters} steps of {@code batchSize} at learning rate {@code lr}. */
    public static TrainConfig of(int iters, int batchSize, double lr, long seed) {
        return new TrainConfig(iters, batchSize, 1, lr, lr / 10, Math.min(100, iters / 10),
                AdamWSettings.PRETRAINING, 0, 20, seed);
    }

    /** A copy with another number of steps (the schedule stretches with it). */
    public TrainConfig withIters(int newIters) {
        return new TrainConfig(newIters, batchSize, accumulation, lr, minLr, warmupIters, adamW, evalInterval,
                evalIters, seed);
    }

    /** A copy with another evaluation schedule. */
    public TrainConfig withEval(int newEvalInterval, int newEvalIters) {
        return new TrainConfig(iters, batchSize, accumulation, lr, minLr, warmupIters, adamW, newEvalInterval,
                newEvalIters, seed);
    }

    /** A copy with gradient accumulation over {@code micro} micro-batches. */
    public TrainConfig withAccumulation(int micro) {
        return new TrainConfig(iters, batchSize, micro, lr, minLr, warmupIters, adamW, evalInterval, evalIters, seed);
    }

    /**
     * Learning rate of step {@code it} (0-based): linear warmup to {@code lr} over
     * {@code warmupIters}, then cosine decay to {@code minLr} at {@code iters} (nanoGPT's
     * {@code get_lr}, as the peer computes it).
     */
    public double lrAt(int it) {
        return WarmupCosine.at(it, iters, warmupIters, lr, minLr);
    }

    /** A copy warming the learning rate up linearly over {@code iters} steps. */
    public TrainConfig withWarmup(int newWarmupIters) {
        return new TrainConfig(iters, batchSize, accumulation, lr, minLr, newWarmupIters, adamW, evalInterval,
                evalIters, seed);
    }
}
