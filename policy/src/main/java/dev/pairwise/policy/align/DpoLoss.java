package dev.pairwise.policy.align;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Activation;

import java.util.LinkedHashMap;
import java.util.Map;
import dev.pairwise.policy.model.NativeArrays;

/**
 * Direct Preference Optimization (Rafailov et al. 2023, "Direct Preference Optimization: Your
 * Language Model is Secretly a Reward Model", eq. 7) and two variants: IPO (Azar et al. 2023,
 * "A General Theoretical Paradigm to Understand Learning from Human Preferences", eq. 17) and a
 * hinge loss (SLiC). With {@code h = (log π(y_w) − log π_ref(y_w)) − (log π(y_l) − log π_ref(y_l))}:
 * <ul>
 *   <li>sigmoid: {@code −(1−ε)·log σ(βh) − ε·log σ(−βh)} (ε = label smoothing, cDPO; ε = 0 is DPO);</li>
 *   <li>IPO: {@code (h − 1/(2β))²};</li>
 *   <li>hinge: {@code relu(1 − βh)}.</li>
 * </ul>
 * The reference log-probs come from the frozen reference, computed outside the gradient. The
 * implicit rewards {@code β(log π − log π_ref)} are returned detached for the metrics, named as
 * TRL names them. As in TRL, IPO is meant for log-probs averaged over tokens; the trainer decides.
 */
public final class DpoLoss {

    private DpoLoss() {
    }

    /** Per-pair losses and implicit rewards (rewards detached: no gradient flows through them). */
    public record Output(NDArray losses, NDArray chosenRewards, NDArray rejectedRewards) {

        /** The mean loss to minimise. */
        public NDArray loss() {
            return losses.mean();
        }
    }

    /** The per-pair DPO loss of {@code type}; all four log-prob arrays have shape {@code [B]}. */
    public static Output compute(NDArray policyChosen, NDArray policyRejected, NDArray refChosen,
            NDArray refRejected, float beta, DpoLossType type, float labelSmoothing) {
        if (!(beta > 0f)) {
            throw new IllegalArgumentException("beta must be > 0, got " + beta);
        }
        if (labelSmoothing < 0f || labelSmoothing >= 0.5f) {
            throw new IllegalArgumentException("labelSmoothing must be in [0, 0.5), got " + labelSmoothing);
        }
        NDArray chosenRatio = policyChosen.sub(refChosen);
        NDArray rejectedRatio = policyRejected.sub(refRejected);
        NDArray h = chosenRatio.sub(rejectedRatio);
        NDArray losses = switch (type) {
            case SIGMOID -> {
                NDArray main = NativeArrays.mul(LogSigmoid.of(NativeArrays.mul(h, beta)), -(1f - labelSmoothing));
                yield labelSmoothing == 0f ? main
                        : main.sub(NativeArrays.mul(LogSigmoid.of(NativeArrays.mul(h, -beta)), labelSmoothing));
            }
            case IPO -> NativeArrays.sub(h, 1f / (2f * beta)).square();
            case HINGE -> Activation.relu(NativeArrays.add(NativeArrays.mul(h, -beta), 1f));
        };
        return new Output(losses, NativeArrays.mul(chosenRatio, beta).stopGradient(),
                NativeArrays.mul(rejectedRatio, beta).stopGradient());
    }

    /**
     * TRL's DPO metrics for one batch: {@code rewards/chosen}, {@code rewards/rejected},
     * {@code rewards/margins}, {@code rewards/accuracies} (share with chosen reward > rejected),
     * {@code logps/chosen}, {@code logps/rejected} (policy), all means over the batch.
     */
    public static Map<String, Double> metrics(Output out, NDArray policyChosen, NDArray policyRejected) {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("rewards/chosen", (double) out.chosenRewards().mean().getFloat());
        m.put("rewards/rejected", (double) out.rejectedRewards().mean().getFloat());
        m.put("rewards/margins", (double) out.chosenRewards().sub(out.rejectedRewards()).mean().getFloat());
        m.put("rewards/accuracies", (double) out.chosenRewards().gt(out.rejectedRewards())
                .toType(DataType.FLOAT32, false).mean().getFloat());
        m.put("logps/chosen", (double) policyChosen.stopGradient().mean().getFloat());
        m.put("logps/rejected", (double) policyRejected.stopGradient().mean().getFloat());
        return m;
    }
}
