package dev.pairwise.rewardmodel;

import dev.pairwise.policy.align.Optim;

/**
 * Bradley–Terry reward-model settings (Ouyang et al. 2022, §3.5 and appendix C.2).
 *
 * @param epochs               passes over the judgments; 1, because InstructGPT's RM overfits
 *                             after one epoch
 * @param batchSize            judgments (groups of all their pairs) per step; 8 on a CPU
 *                             (InstructGPT: 64 prompts, i.e. up to 64·C(K,2) pairs)
 * @param optim                AdamW; lr 1e-4 for the small backbones here (InstructGPT: 9e-6 for
 *                             6B), warmup and cosine as everywhere
 * @param maxLength            prompt + response tokens, 0 = the backbone's context length; the
 *                             prompt is cut from the left when too long
 * @param centeringCoefficient weight of {@code mean((r_w + r_l)²)}; 0 = off (TRL's default), 0.01
 *                             when on (Eisenstein et al. 2023)
 * @param valFraction          judgments held out for accuracy; 0.1 (the HH-RLHF 90/10 split)
 * @param evalInterval         steps between held-out evaluations, 0 = only at the end
 * @param seed                 seeds the head's init, the split and the shuffles
 * @param maxTrainJudgments    training judgments used at most, a seeded random subset of those left
 *                             after the split; 0 = all
 */
public record RewardConfig(int epochs, int batchSize, Optim optim, int maxLength, double centeringCoefficient,
        double valFraction, int evalInterval, long seed, int maxTrainJudgments) {

    public RewardConfig {
        if (epochs <= 0 || batchSize <= 0) {
            throw new IllegalArgumentException("epochs and batchSize must be > 0, got " + epochs + ", " + batchSize);
        }
        if (optim == null) {
            throw new IllegalArgumentException("optim must be set");
        }
        if (maxLength < 0) {
            throw new IllegalArgumentException("maxLength must be >= 0 (0 = context length), got " + maxLength);
        }
        if (!(centeringCoefficient >= 0)) {
            throw new IllegalArgumentException("centeringCoefficient must be >= 0, got " + centeringCoefficient);
        }
        if (!(valFraction >= 0 && valFraction < 1)) {
            throw new IllegalArgumentException("valFraction must be in [0, 1), got " + valFraction);
        }
        if (evalInterval < 0) {
            throw new IllegalArgumentException("evalInterval must be >= 0, got " + evalInterval);
        }
        if (maxTrainJudgments < 0) {
            throw new IllegalArgumentException("maxTrainJudgments must be >= 0 (0 = all), got " + maxTrainJudgments);
        }
    }

    /** Every training judgment used. */
    public RewardConfig(int epochs, int batchSize, Optim optim, int maxLength, double centeringCoefficient,
            double valFraction, int evalInterval, long seed) {
        this(epochs, batchSize, optim, maxLength, centeringCoefficient, valFraction, evalInterval, seed, 0);
    }

    /** The defaults documented above: the GPT backbone's. */
    public static RewardConfig defaults() {
        return new RewardConfig(1, 8, Optim.of(1e-4), 0, 0.0, 0.1, 0, 1234);
    }

    /**
     * The recipe for the pretrained all-MiniLM-L6-v2 backbone, sized for a 2-core CPU shared with
     * other work: one epoch (InstructGPT); 16 judgments a step; lr 1e-4, above BERT's usual 2e-5
     * to 5e-5 (Devlin et al. 2019) because only the top block and the head train
     * ({@code BertRewardModel.DEFAULT_FROZEN_LAYERS}) for 75 steps; 128 tokens with the end of
     * the dialogue kept (the last question and the response; HH-RLHF's median is 149 tokens, and
     * 128 halves the cost of 256); at most 1,200 training judgments (a seeded random subset).
     * On HH-RLHF helpful-base + helpful-rejection-sampled a run took 15 minutes (893 s, held-out
     * evaluation included) on a 2-core machine whose load average was 5 to 8.
     */
    public static RewardConfig pretrainedRecipe() {
        return new RewardConfig(1, 16, Optim.of(1e-4), 128, 0.0, 0.1, 0, 1234, 1200);
    }

    public RewardConfig withTraining(int newEpochs, int newBatchSize, Optim newOptim) {
        return new RewardConfig(newEpochs, newBatchSize, newOptim, maxLength, centeringCoefficient, valFraction,
                evalInterval, seed, maxTrainJudgments);
    }

    public RewardConfig withCentering(double coefficient) {
        return new RewardConfig(epochs, batchSize, optim, maxLength, coefficient, valFraction, evalInterval, seed,
                maxTrainJudgments);
    }

    /** A copy reading at most {@code tokens} of prompt and response (0: the model's context). */
    public RewardConfig withMaxLength(int tokens) {
        return new RewardConfig(epochs, batchSize, optim, tokens, centeringCoefficient, valFraction, evalInterval,
                seed, maxTrainJudgments);
    }

    /** A copy training on at most {@code judgments} judgments, a seeded subset (0: all). */
    public RewardConfig withMaxTrainJudgments(int judgments) {
        return new RewardConfig(epochs, batchSize, optim, maxLength, centeringCoefficient, valFraction,
                evalInterval, seed, judgments);
    }

    /** A copy with another seed (the head, the split, the shuffles). */
    public RewardConfig withSeed(long newSeed) {
        return new RewardConfig(epochs, batchSize, optim, maxLength, centeringCoefficient, valFraction,
                evalInterval, newSeed, maxTrainJudgments);
    }
}
