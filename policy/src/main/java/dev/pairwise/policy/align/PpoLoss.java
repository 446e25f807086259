package dev.pairwise.policy.align;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import dev.pairwise.policy.model.NativeArrays;

/**
 * The PPO objective (Schulman et al. 2017, "Proximal Policy Optimization Algorithms", eq. 7 and
 * 9) as used for RLHF by Ziegler et al. 2019 and InstructGPT (Ouyang et al. 2022), in the form of
 * TRL's and OpenAI's lm-human-preferences code: all terms are masked means over response tokens.
 * <ul>
 *   <li>policy: {@code max(−A·r, −A·clip(r, 1−ε, 1+ε))}, {@code r = exp(log π − log π_old)};</li>
 *   <li>value: {@code ½·max((V−R)², (V_old + clip(V−V_old, −ε_v, ε_v) − R)²)};</li>
 *   <li>diagnostics: clip fraction (share of tokens where the clipped term is the larger),
 *       approximate KL {@code mean((r−1) − log r)} (the unbiased non-negative k3 estimator),
 *       ratio mean.</li>
 * </ul>
 */
public final class PpoLoss {

    private PpoLoss() {
    }

    /** Clipped surrogate loss and its diagnostics, all scalars; only {@code loss} carries a gradient. */
    public record PolicyTerms(NDArray loss, float clipFraction, float approxKl, float ratioMean) {
    }

    /**
     * Clipped surrogate over tokens where {@code mask} is 1. {@code logProbs} carries the gradient;
     * {@code oldLogProbs} and {@code advantages} are constants from the rollout.
     */
    public static PolicyTerms policy(NDArray logProbs, NDArray oldLogProbs, NDArray advantages, NDArray mask,
            float clipRange) {
        if (!(clipRange > 0f)) {
            throw new IllegalArgumentException("clipRange must be > 0, got " + clipRange);
        }
        NDArray logRatio = logProbs.sub(oldLogProbs);
        NDArray ratio = logRatio.exp();
        NDArray unclipped = advantages.neg().mul(ratio);
        NDArray clipped = advantages.neg().mul(NativeArrays.clip(ratio, 1f - clipRange, 1f + clipRange));
        NDArray loss = TokenLosses.maskedMean(unclipped.maximum(clipped), mask);

        NDArray r = ratio.stopGradient();
        NDArray lr = logRatio.stopGradient();
        float clipFraction = TokenLosses.maskedMean(clipped.stopGradient().gt(unclipped.stopGradient())
                .toType(DataType.FLOAT32, false), mask).getFloat();
        float approxKl = TokenLosses.maskedMean(NativeArrays.sub(r, 1f).sub(lr), mask).getFloat();
        float ratioMean = TokenLosses.maskedMean(r, mask).getFloat();
        return new PolicyTerms(loss, clipFraction, approxKl, ratioMean);
    }

    /** Clipped value loss {@code ½·masked_mean(max((V−R)², (V_clipped−R)²))}. */
    public static NDArray value(NDArray values, NDArray oldValues, NDArray returns, NDArray mask, float clipRange) {
        if (!(clipRange > 0f)) {
            throw new IllegalArgumentException("value clipRange must be > 0, got " + clipRange);
        }
        NDArray clippedValues = oldValues.add(NativeArrays.clip(values.sub(oldValues), -clipRange, clipRange));
        NDArray unclipped = values.sub(returns).square();
        NDArray clipped = clippedValues.sub(returns).square();
        return NativeArrays.mul(TokenLosses.maskedMean(unclipped.maximum(clipped), mask), 0.5f);
    }

    /** Share of tokens whose value was clipped, for the metrics. */
    public static float valueClipFraction(NDArray values, NDArray oldValues, NDArray returns, NDArray mask,
            float clipRange) {
        NDArray v = values.stopGradient();
        NDArray clippedValues = oldValues.add(NativeArrays.clip(v.sub(oldValues), -clipRange, clipRange));
        NDArray larger = clippedValues.sub(returns).square().gt(v.sub(returns).square());
        return TokenLosses.maskedMean(larger.toType(DataType.FLOAT32, false), mask).getFloat();
    }
}
