package dev.pairwise.labeling.battle;

/**
 * A stored prompt of a labeling project, as a sampling or evaluation job reads it.
 *
 * @param id        the prompt
 * @param projectId the project it belongs to
 * @param text      its markdown text
 */
public record ProjectPrompt(long id, long projectId, String text) {
}
