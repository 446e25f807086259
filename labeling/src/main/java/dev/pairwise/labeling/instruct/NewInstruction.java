package dev.pairwise.labeling.instruct;

import org.jspecify.annotations.Nullable;

/**
 * A generated instruction to store as a prompt.
 *
 * @param text   the instruction
 * @param answer the model's answer, stored as a draft demonstration; null for none
 */
public record NewInstruction(String text, @Nullable String answer) {
}
