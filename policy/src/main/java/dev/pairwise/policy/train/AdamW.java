/*
 * AdamW (Loshchilov & Hutter 2019): Adam moments with weight decay decoupled from the gradient,
 * applied to 2-D parameters only (GPT practice; norms and biases are not decayed). The update is
 * DJL's fused adamUpdate, one native call per parameter, with its learning rate and epsilon
 * rescaled so that the step equals PyTorch's AdamW exactly:
 *   p <- p·(1 - lr·wd);  m, v updated;  p <- p - lr/bc1 · m / (sqrt(v)/sqrt(bc2) + eps)
 * which is DJL's form p - lr' · m / (sqrt(v) + eps') with lr' = lr·sqrt(bc2)/bc1 and
 * eps' = eps·sqrt(bc2). Global-norm clipping enters as DJL's gradient rescale factor.
 */
package dev.pairwise.policy.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import dev.pairwise.policy.model.GptWeights;
import java.util.LinkedHashMap;
import java.util.Map;
import dev.pairwise.policy.model.NativeArrays;

/** Optimizer state (first and second moments per parameter, step count) and its update. */
public final class AdamW implements AutoCloseable {

    private final NDManager manager;
    private final Map<String, NDArray> params;
    private final Map<String, NDArray> m = new LinkedHashMap<>();
    private final Map<String, NDArray> v = new LinkedHashMap<>();
    private long step;

    /** Zero moments for every parameter, held in a sub-manager of {@code parent}. */
    public AdamW(Map<String, NDArray> params, NDManager parent) {
        this.manager = parent.newSubManager();
        this.params = params;
        params.forEach((name, p) -> {
            m.put(name, manager.zeros(p.getShape(), DataType.FLOAT32));
            v.put(name, manager.zeros(p.getShape(), DataType.FLOAT32));
        });
    }

    /** Steps taken (Adam's {@code t}). */
    public long step() {
        return step;
    }

    /**
     * Global L2 norm of all gradients (one norm per parameter, one reduction over them).
     * Parameters that received no gradient count as zero.
     */
    public float gradNorm(NDManager scratch) {
        NDList norms = new NDList(params.size());
        for (NDArray p : params.values()) {
            NDArray g = p.getGradient();
            if (g != null) {
                g.attach(scratch);
                norms.add(g.norm());
            }
        }
        if (norms.isEmpty()) {
            return 0f;
        }
        return ai.djl.ndarray.NDArrays.stack(norms).norm().getFloat();
    }

    /**
     * One AdamW step over every parameter, then zeroes the gradients.
     *
     * @param lr          learning rate for this step
     * @param weightDecay decoupled decay for 2-D parameters
     * @param gradScale   factor applied to the gradient first (global-norm clipping); 1 = none
     * @param scratch     manager for the gradient handles of this step
     */
    public void update(double lr, double weightDecay, double beta1, double beta2, double eps, float gradScale,
                       NDManager scratch) {
        step++;
        double bc1 = 1 - Math.pow(beta1, step);
        double bc2 = 1 - Math.pow(beta2, step);
        float lrCorrected = (float) (lr * Math.sqrt(bc2) / bc1);
        float epsCorrected = (float) (eps * Math.sqrt(bc2));
        for (Map.Entry<String, NDArray> e : params.entrySet()) {
            NDArray p = e.getValue();
            NDArray g = p.getGradient();
            if (g == null) {
                continue;
            }
            g.attach(scratch);
            float wd = GptWeights.decays(p.getShape().getShape()) ? (float) weightDecay : 0f;
            p.getNDArrayInternal().adamUpdate(new NDList(p, g, m.get(e.getKey()), v.get(e.getKey())), new NDList(p),
                    (float) lr, lrCorrected, wd, gradScale, -1f, (float) beta1, (float) beta2, epsCorrected,
                    false, true);
        }
    }

    /**
     * Global-norm clipping, then one {@link #update} step with {@code settings}: the gradients are
     * scaled by {@code min(1, gradClip / norm)} as PyTorch's {@code clip_grad_norm_} does; a
     * {@code gradClip} of 0 turns clipping off. Returns the norm before clipping, for the progress
     * metrics.
     *
     * @param lr the learning rate of this step (the schedule's, not a constant)
     */
    public float clipAndUpdate(double lr, AdamWSettings settings, NDManager scratch) {
        float norm = gradNorm(scratch);
        double maxNorm = settings.gradClip();
        float scale = maxNorm > 0 ? (float) Math.min(1.0, maxNorm / (norm + 1e-6)) : 1f;
        update(lr, settings.weightDecay(), settings.beta1(), settings.beta2(), settings.eps(), scale, scratch);
        return norm;
    }

    /** Moments as {@code <name>.exp_avg} and {@code <name>.exp_avg_sq} (PyTorch's state names). */
    public Map<String, NDArray> state() {
        Map<String, NDArray> s = new LinkedHashMap<>();
        m.forEach((name, a) -> s.put(name + ".exp_avg", a));
        v.forEach((name, a) -> s.put(name + ".exp_avg_sq", a));
        return s;
    }

    /**
     * Replaces the moments and step count with saved ones.
     *
     * @throws IllegalArgumentException naming a missing or mis-shaped moment
     */
    public void load(Map<String, NDArray> state, long savedStep) {
        if (savedStep < 0) {
            throw new IllegalArgumentException("optimizer step must be >= 0, got " + savedStep);
        }
        for (String name : params.keySet()) {
            copyInto(state, name + ".exp_avg", m.get(name));
            copyInto(state, name + ".exp_avg_sq", v.get(name));
        }
        step = savedStep;
    }

    private static void copyInto(Map<String, NDArray> state, String key, NDArray target) {
        NDArray saved = state.get(key);
        if (saved == null) {
            throw new IllegalArgumentException("optimizer state lacks '" + key + "'");
        }
        if (!saved.getShape().equals(target.getShape()) || saved.getDataType() != DataType.FLOAT32) {
            throw new IllegalArgumentException("optimizer state '" + key + "' is " + saved.getDataType() + " "
                    + saved.getShape() + ", expected float32 " + target.getShape());
        }
        NativeArrays.copyInto(target, saved);
    }

    /** Frees the moments. */
    @Override
    public void close() {
        manager.close();
    }
}
