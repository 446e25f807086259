package dev.pairwise.app.jobs;

import java.time.Instant;

/** One point of a job's metric series, for charts. */
public record MetricPoint(long step, String name, double value, Instant recordedAt) {
}
