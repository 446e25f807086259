package dev.pairwise.labeling.export;

/** One exported demonstration. */
record DemoRow(long id, String instruction, String response) {
}
