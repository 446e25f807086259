package dev.pairwise.policy.train;

/**
 * The one learning-rate schedule of every trainer: linear warmup to the peak rate, then cosine
 * decay to a floor at the last step (Loshchilov &amp; Hutter 2017, SGDR, without restarts; the
 * schedule of GPT-2/3 and nanoGPT's {@code get_lr}). Pretraining states its warmup in steps,
 * the alignment trainers as a share of all steps; both come here.
 */
public final class WarmupCosine {

    private WarmupCosine() {
    }

    /**
     * The learning rate at {@code step} (0-based).
     *
     * @param step    the optimizer step, 0-based
     * @param total   steps in the whole run; the decay reaches {@code minLr} here and stays
     * @param warmup  steps of linear warmup (0: none); step {@code s < warmup} gets
     *                {@code peakLr·(s+1)/warmup}
     * @param peakLr  the rate at the end of warmup
     * @param minLr   the floor the cosine decays to
     */
    public static double at(int step, int total, int warmup, double peakLr, double minLr) {
        if (step < warmup) {
            return peakLr * (step + 1) / warmup;
        }
        if (step >= total) {
            return minLr;
        }
        double frac = (double) (step - warmup) / Math.max(1, total - warmup);
        return minLr + 0.5 * (1 + Math.cos(Math.PI * frac)) * (peakLr - minLr);
    }
}
