package dev.pairwise.policy.align;

/** The preference losses DPO offers, named as TRL names them ({@code loss_type}). */
public enum DpoLossType {
    /** Rafailov et al. 2023: {@code −log σ(β·h)}, with optional label smoothing (conservative DPO). */
    SIGMOID,
    /** Azar et al. 2023 (IPO): {@code (h − 1/(2β))²}, regresses the margin to a fixed target. */
    IPO,
    /** SLiC-style hinge (Zhao et al. 2023): {@code relu(1 − β·h)}. */
    HINGE
}
