package dev.pairwise.app.registry;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A registered checkpoint.
 *
 * @param parentId the checkpoint it was trained from (a pretraining from scratch names its tokenizer;
 *                 null for a tokenizer and an import)
 * @param jobId    the job that made it; its dataset snapshot says what it was trained on (null for imports)
 * @param metrics  headline metrics as a JSON object
 */
public record CheckpointView(long id, String name, CheckpointKind kind, String path, @Nullable Long parentId,
                             @Nullable Long jobId, String metrics, Instant createdAt) {
}
