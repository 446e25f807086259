package dev.pairwise.labeling.dataset;

/** A prompt's text, for rollouts. */
public record PromptText(long id, String text) {
}
