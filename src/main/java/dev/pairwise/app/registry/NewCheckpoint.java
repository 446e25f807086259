package dev.pairwise.app.registry;

import org.jspecify.annotations.Nullable;

/**
 * A checkpoint to register.
 *
 * @param metrics headline metrics as a JSON object, or null for none
 */
public record NewCheckpoint(@Nullable String name, @Nullable CheckpointKind kind, @Nullable String path,
                            @Nullable Long parentId, @Nullable Long jobId, @Nullable String metrics) {
}
