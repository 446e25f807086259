package dev.pairwise.labeling.importing;

/** A bad line: its 1-based number in the file and why it was refused. */
public record ImportLineError(int line, String reason) {
}
