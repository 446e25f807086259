package dev.pairwise.labeling.task;

/** Who wrote a response: a file we imported, a person, or a model checkpoint. */
public enum OriginKind {
    IMPORTED,
    HUMAN,
    MODEL
}
