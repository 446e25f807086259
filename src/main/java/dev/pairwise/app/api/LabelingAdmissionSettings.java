package dev.pairwise.app.api;

import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code pairwise.api.labeling.*}: how the labeling calls are admitted ({@link LabelingAdmission}).
 *
 * @param concurrency  how many {@code tasks/next} and {@code judgments} calls run at once; unset:
 *                     the connection pool's size ({@code spring.datasource.hikari.maximum-pool-size},
 *                     10 by default), so each admitted call finds a connection free. Chosen by
 *                     measurement (README, "Labeling under load"): fewer left a core idle while
 *                     calls waited on the database, more brought back the long tail.
 * @param queueTimeout the longest a call waits for its turn before it is answered 503 (10 s)
 */
@ConfigurationProperties("pairwise.api.labeling")
public record LabelingAdmissionSettings(@Nullable Integer concurrency, @DefaultValue("10s") Duration queueTimeout) {

    public LabelingAdmissionSettings {
        if (concurrency != null && concurrency < 1) {
            throw new IllegalArgumentException("pairwise.api.labeling.concurrency must be at least 1, was "
                    + concurrency);
        }
        if (queueTimeout.isNegative() || queueTimeout.isZero()) {
            throw new IllegalArgumentException("pairwise.api.labeling.queue-timeout must be positive, was "
                    + queueTimeout);
        }
    }

    /** {@link #concurrency}, or {@code poolSize} when it is unset. */
    int concurrencyOr(int poolSize) {
        return concurrency != null ? concurrency : poolSize;
    }
}
