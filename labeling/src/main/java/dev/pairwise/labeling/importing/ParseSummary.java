package dev.pairwise.labeling.importing;

import java.util.List;

/** Counts from one pass over a file, and the first bad lines. */
record ParseSummary(int lines, int items, int errorCount, List<ImportLineError> errors) {
}
