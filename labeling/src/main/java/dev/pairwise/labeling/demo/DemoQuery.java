package dev.pairwise.labeling.demo;

import org.jspecify.annotations.Nullable;

/**
 * Filters for the demonstrations list; null means "any".
 *
 * @param projectId only this project
 * @param status    only this status
 * @param authorId  only this author
 * @param text      case-insensitive substring of instruction or response
 */
public record DemoQuery(@Nullable Long projectId, @Nullable DemoStatus status, @Nullable Long authorId,
                        @Nullable String text) {

    public static DemoQuery all() {
        return new DemoQuery(null, null, null, null);
    }
}
