package dev.pairwise.labeling.judgment;

import org.jspecify.annotations.Nullable;

/**
 * What a submit stored.
 *
 * @param judgmentId      the judgment (also the pairs' group id)
 * @param pairs           preference pairs it expanded into
 * @param demonstrationId the demonstration made from the better answer, or null
 * @param duplicate       true when the idempotency key was seen before and nothing new was stored
 */
public record SubmitResult(long judgmentId, int pairs, @Nullable Long demonstrationId, boolean duplicate) {
}
