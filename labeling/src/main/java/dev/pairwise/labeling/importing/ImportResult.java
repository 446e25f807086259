package dev.pairwise.labeling.importing;

/** What an import stored. */
public record ImportResult(int prompts, int responses, int tasks, int judgments, int pairs) {
}
