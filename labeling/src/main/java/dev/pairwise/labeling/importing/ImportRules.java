package dev.pairwise.labeling.importing;

/**
 * Limits a file is checked against.
 *
 * @param k        the project's K: the responses each prompt to rank must have
 * @param maxChars longest prompt or response
 */
record ImportRules(int k, int maxChars) {
}
