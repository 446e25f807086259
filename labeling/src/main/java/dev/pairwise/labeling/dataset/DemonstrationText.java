package dev.pairwise.labeling.dataset;

/** An approved demonstration as a trainer reads it: the instruction (prompt) and the answer to learn. */
public record DemonstrationText(long id, String instruction, String response) {
}
