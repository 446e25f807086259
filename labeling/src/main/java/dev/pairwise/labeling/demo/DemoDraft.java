package dev.pairwise.labeling.demo;

/**
 * A demonstration as written.
 *
 * @param projectId   the project it belongs to
 * @param instruction the prompt (markdown)
 * @param response    the ideal answer (markdown)
 * @param submit      true to submit for review right away, false to keep a draft
 */
public record DemoDraft(long projectId, String instruction, String response, boolean submit) {
}
