package dev.pairwise.labeling.demo;

import java.time.Instant;

/**
 * One reviewer's edit of a demonstration, as shown: who made it, when, and the text it replaced.
 *
 * @param editorName        the editor's username
 * @param instructionBefore the instruction before this edit (the author's, for the first edit)
 * @param responseBefore    the response before this edit
 */
public record DemoEditView(long editorId, String editorName, Instant editedAt, String instructionBefore,
                           String responseBefore) {
}
