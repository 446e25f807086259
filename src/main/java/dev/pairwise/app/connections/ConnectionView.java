package dev.pairwise.app.connections;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A connection as views and the REST API show it: its settings and whether an API key is stored,
 * never the key itself (nor its ciphertext).
 */
public record ConnectionView(long id, ConnectionSettings settings, boolean apiKeySet, @Nullable String createdBy,
                             Instant createdAt, Instant updatedAt) {

    public String name() {
        return settings.name();
    }
}
