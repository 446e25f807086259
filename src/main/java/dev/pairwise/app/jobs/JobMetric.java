package dev.pairwise.app.jobs;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One point of a job's metric time series (TRL's names: {@code loss}, {@code rewards/margins}...). */
@Entity
@Table(name = "job_metrics")
class JobMetric {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "job_id", nullable = false)
    private long jobId;
    private long step;
    @Column(nullable = false, length = 100)
    private String name;
    @Column(name = "metric_value", nullable = false)
    private double value;
    @Column(name = "recorded_at", nullable = false)
    private Instant recordedAt;

    protected JobMetric() {
    }

    JobMetric(long jobId, long step, String name, double value, Instant recordedAt) {
        this.jobId = jobId;
        this.step = step;
        this.name = name;
        this.value = value;
        this.recordedAt = recordedAt;
    }

    MetricPoint point() {
        return new MetricPoint(step, name, value, recordedAt);
    }
}
