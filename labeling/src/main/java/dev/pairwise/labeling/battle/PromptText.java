package dev.pairwise.labeling.battle;

/**
 * A stored prompt as a sampling job reads it.
 *
 * @param id        the prompt
 * @param projectId the project it belongs to
 * @param text      its markdown text
 */
public record PromptText(long id, long projectId, String text) {
}
