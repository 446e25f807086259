package dev.pairwise.policy.lora;

import java.util.Set;

/**
 * Low-rank adaptation (Hu et al. 2021, "LoRA: Low-Rank Adaptation of Large Language Models"):
 * each target weight {@code W (out, in)} is frozen and learns {@code W + (alpha/rank)·B·A} with
 * {@code A (rank, in)} random and {@code B (out, rank)} zero, so training starts from the base.
 *
 * @param rank    r; 8 as PEFT's default (Hu et al. found r = 1–8 enough for attention weights)
 * @param alpha   scale numerator, the update is scaled by alpha/r; 16 = 2r, the usual choice
 * @param targets weight-name suffixes to adapt, e.g. {@code attn.c_attn} (the fused q,k,v
 *                projection — Hu et al. adapt W_q and W_v), {@code attn.c_proj}, {@code mlp.c_fc},
 *                {@code mlp.c_proj}; default the attention projections
 * @param merge   save the merged weights W + (alpha/r)·B·A (true: a plain checkpoint any sampler
 *                loads) or the base plus separate A and B (false)
 */
public record LoraConfig(int rank, double alpha, Set<String> targets, boolean merge) {

    /** The projections a GPT block has (nanoGPT names). */
    public static final Set<String> PROJECTIONS = Set.of("attn.c_attn", "attn.c_proj", "mlp.c_fc", "mlp.c_proj");

    public LoraConfig {
        if (rank <= 0) {
            throw new IllegalArgumentException("lora rank must be > 0, got " + rank);
        }
        if (!(alpha > 0)) {
            throw new IllegalArgumentException("lora alpha must be > 0, got " + alpha);
        }
        targets = Set.copyOf(targets);
        if (targets.isEmpty()) {
            throw new IllegalArgumentException("lora targets must name at least one projection");
        }
        for (String t : targets) {
            if (!PROJECTIONS.contains(t)) {
                throw new IllegalArgumentException("lora target '" + t + "' is not one of " + PROJECTIONS);
            }
        }
    }

    /** r 8, alpha 16, the two attention projections, saved merged. */
    public static LoraConfig defaults() {
        return new LoraConfig(8, 16, Set.of("attn.c_attn", "attn.c_proj"), true);
    }

    /** The update's scale alpha/r. */
    public double scale() {
        return alpha / rank;
    }
}
