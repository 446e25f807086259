package dev.pairwise.labeling.task;

/** A response as a labeler sees it: no origin, so rankings stay blind to who wrote what. */
public record ShownResponse(long id, String text) {
}
