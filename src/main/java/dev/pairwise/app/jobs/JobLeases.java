package dev.pairwise.app.jobs;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * This instance's name and lease timing in the job queue that several app instances share.
 * A claimed job is held until {@code now + lease}; the runner renews that every
 * {@code heartbeat}, and every {@code poll} it looks for jobs queued elsewhere, cancels asked for
 * elsewhere and leases of stopped instances. The instances' clocks must agree to well within
 * {@code lease - heartbeat} (NTP does).
 */
@Component
class JobLeases {

    /** The {@code claimed_by} column holds 64 characters. */
    static final int MAX_ID = 64;

    private final String instanceId;
    private final Duration heartbeat;
    private final Duration lease;
    private final Duration poll;

    JobLeases(@Value("${pairwise.instance-id:}") String instanceId,
              @Value("${pairwise.jobs.heartbeat-interval:10s}") Duration heartbeat,
              @Value("${pairwise.jobs.lease-duration:60s}") Duration lease,
              @Value("${pairwise.jobs.poll-interval:2s}") Duration poll) {
        String id = instanceId.strip();
        this.instanceId = id.isEmpty() ? UUID.randomUUID().toString() : id;
        if (this.instanceId.length() > MAX_ID || !this.instanceId.matches("[\\w.:@-]+")) {
            throw new IllegalArgumentException("pairwise.instance-id must be 1 to " + MAX_ID
                    + " letters, digits or . _ : @ - (got '" + instanceId + "')");
        }
        if (heartbeat.isNegative() || heartbeat.isZero() || poll.isNegative() || poll.isZero()) {
            throw new IllegalArgumentException("pairwise.jobs.heartbeat-interval (" + heartbeat
                    + ") and pairwise.jobs.poll-interval (" + poll + ") must be positive");
        }
        // One missed heartbeat must not lose the job to another instance.
        if (lease.compareTo(heartbeat.multipliedBy(2)) < 0) {
            throw new IllegalArgumentException("pairwise.jobs.lease-duration (" + lease
                    + ") must be at least twice pairwise.jobs.heartbeat-interval (" + heartbeat + ")");
        }
        this.heartbeat = heartbeat;
        this.lease = lease;
        this.poll = poll;
    }

    /** The configured {@code pairwise.instance-id}, or a random UUID drawn at start. */
    String instanceId() {
        return instanceId;
    }

    Duration heartbeat() {
        return heartbeat;
    }

    Duration poll() {
        return poll;
    }

    /** When a lease taken or renewed at {@code now} runs out. */
    Instant until(Instant now) {
        return now.plus(lease);
    }
}
