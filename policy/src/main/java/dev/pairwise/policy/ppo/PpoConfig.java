package dev.pairwise.policy.ppo;

import dev.pairwise.policy.align.KlController;
import dev.pairwise.policy.align.Optim;

/**
 * PPO-for-RLHF settings (Schulman et al. 2017; Ziegler et al. 2019; Ouyang et al. 2022), with the
 * defaults those papers and TRL use unless said otherwise.
 *
 * @param iterations      rollout-then-optimise rounds
 * @param rolloutBatch    prompts sampled per round; 32 on a CPU (Ziegler: 512)
 * @param miniBatch       rollouts per gradient step; 8 (4 minibatches per epoch)
 * @param ppoEpochs       passes over each rollout batch; 4 (Ziegler, TRL)
 * @param maxNewTokens    longest sampled response; 16 (the synthetic answers are short)
 * @param temperature     sampling temperature of rollouts; 1.0 (on-policy samples)
 * @param optim           AdamW for policy and value head; lr 1e-5 (TRL's 1.41e-5 rounded)
 * @param clipRange       ε of the clipped surrogate; 0.2
 * @param valueClipRange  clip of the value update; 0.2
 * @param vfCoef          weight of the value loss; 0.1
 * @param gamma           discount; 1 (episodes are short and end with the response)
 * @param lambda          GAE trace; 0.95
 * @param whitenAdvantages whiten advantages over the batch; true
 * @param adaptiveKl      Ziegler's adaptive controller (true) or a fixed β (false)
 * @param initKl          β₀; 0.2
 * @param targetKl        target KL in nats per response; 6
 * @param klHorizon       controller horizon in rollouts; 10000
 * @param seed            seeds sampling and minibatch order
 */
public record PpoConfig(int iterations, int rolloutBatch, int miniBatch, int ppoEpochs, int maxNewTokens,
        double temperature, Optim optim, double clipRange, double valueClipRange, double vfCoef, double gamma,
        double lambda, boolean whitenAdvantages, boolean adaptiveKl, double initKl, double targetKl,
        double klHorizon, long seed) {

    public PpoConfig {
        if (iterations <= 0 || rolloutBatch <= 0 || miniBatch <= 0 || ppoEpochs <= 0 || maxNewTokens <= 0) {
            throw new IllegalArgumentException("iterations, rolloutBatch, miniBatch, ppoEpochs and maxNewTokens must be > 0");
        }
        if (rolloutBatch % miniBatch != 0) {
            throw new IllegalArgumentException("rolloutBatch (" + rolloutBatch + ") must be a multiple of miniBatch ("
                    + miniBatch + ")");
        }
        if (!(temperature > 0)) {
            throw new IllegalArgumentException("temperature must be > 0, got " + temperature);
        }
        if (optim == null) {
            throw new IllegalArgumentException("optim must be set");
        }
        if (!(clipRange > 0) || !(valueClipRange > 0)) {
            throw new IllegalArgumentException("clipRange and valueClipRange must be > 0");
        }
        if (!(vfCoef >= 0)) {
            throw new IllegalArgumentException("vfCoef must be >= 0, got " + vfCoef);
        }
        if (!(gamma >= 0 && gamma <= 1) || !(lambda >= 0 && lambda <= 1)) {
            throw new IllegalArgumentException("gamma and lambda must be in [0, 1], got " + gamma + ", " + lambda);
        }
        if (!(initKl >= 0) || (adaptiveKl && (!(initKl > 0) || !(targetKl > 0) || !(klHorizon > 0)))) {
            throw new IllegalArgumentException("KL settings: initKl >= 0, and with adaptiveKl initKl, targetKl, "
                    + "klHorizon > 0; got " + initKl + ", " + targetKl + ", " + klHorizon);
        }
    }

    /** The defaults documented above. */
    public static PpoConfig defaults() {
        return new PpoConfig(20, 32, 8, 4, 16, 1.0, Optim.of(1e-5), 0.2, 0.2, 0.1, 1.0, 0.95, true, true,
                0.2, 6.0, 10000, 1234);
    }

    /** A fresh KL controller as configured. */
    public KlController newKlController() {
        return adaptiveKl ? new KlController.Adaptive(initKl, targetKl, klHorizon) : new KlController.Fixed(initKl);
    }

    /** A copy running {@code newIterations} rounds of {@code newPpoEpochs} passes over each round's rollouts. */
    public PpoConfig withRounds(int newIterations, int newPpoEpochs) {
        return new PpoConfig(newIterations, rolloutBatch, miniBatch, newPpoEpochs, maxNewTokens, temperature, optim,
                clipRange, valueClipRange, vfCoef, gamma, lambda, whitenAdvantages, adaptiveKl, initKl, targetKl,
                klHorizon, seed);
    }

    /** A copy sampling {@code newRolloutBatch} rollouts a round, {@code newMiniBatch} per gradient step. */
    public PpoConfig withBatches(int newRolloutBatch, int newMiniBatch) {
        return new PpoConfig(iterations, newRolloutBatch, newMiniBatch, ppoEpochs, maxNewTokens, temperature, optim,
                clipRange, valueClipRange, vfCoef, gamma, lambda, whitenAdvantages, adaptiveKl, initKl, targetKl,
                klHorizon, seed);
    }

    /** A copy sampling responses of at most {@code newMaxNewTokens} tokens at {@code newTemperature}. */
    public PpoConfig withSampling(int newMaxNewTokens, double newTemperature) {
        return new PpoConfig(iterations, rolloutBatch, miniBatch, ppoEpochs, newMaxNewTokens, newTemperature, optim,
                clipRange, valueClipRange, vfCoef, gamma, lambda, whitenAdvantages, adaptiveKl, initKl, targetKl,
                klHorizon, seed);
    }

    /** A copy with other optimizer settings (policy and value head). */
    public PpoConfig withOptim(Optim newOptim) {
        return new PpoConfig(iterations, rolloutBatch, miniBatch, ppoEpochs, maxNewTokens, temperature, newOptim,
                clipRange, valueClipRange, vfCoef, gamma, lambda, whitenAdvantages, adaptiveKl, initKl, targetKl,
                klHorizon, seed);
    }

    /** A copy with another KL penalty: {@code adaptive} moves beta from {@code initial} towards {@code target}. */
    public PpoConfig withKl(boolean adaptive, double initial, double target) {
        return new PpoConfig(iterations, rolloutBatch, miniBatch, ppoEpochs, maxNewTokens, temperature, optim,
                clipRange, valueClipRange, vfCoef, gamma, lambda, whitenAdvantages, adaptive, initial, target,
                klHorizon, seed);
    }

    /** A copy with another seed (sampling, minibatch order). */
    public PpoConfig withSeed(long newSeed) {
        return new PpoConfig(iterations, rolloutBatch, miniBatch, ppoEpochs, maxNewTokens, temperature, optim,
                clipRange, valueClipRange, vfCoef, gamma, lambda, whitenAdvantages, adaptiveKl, initKl, targetKl,
                klHorizon, newSeed);
    }
}
