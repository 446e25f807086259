package dev.pairwise.app.jobs;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/** The executor beans by job type; two for one type is a wiring mistake, refused at startup. */
@Component
class JobExecutors {

    private final Map<JobType, JobExecutor> byType = new EnumMap<>(JobType.class);

    JobExecutors(List<JobExecutor> executors) {
        for (JobExecutor e : executors) {
            JobExecutor previous = byType.put(e.type(), e);
            if (previous != null) {
                throw new IllegalStateException("Two executors for " + e.type() + ": "
                        + previous.getClass().getName() + " and " + e.getClass().getName());
            }
        }
    }

    Optional<JobExecutor> find(JobType type) {
        return Optional.ofNullable(byType.get(type));
    }

    /** The job types this instance can run. */
    Set<JobType> types() {
        return byType.isEmpty() ? EnumSet.noneOf(JobType.class) : EnumSet.copyOf(byType.keySet());
    }

    boolean canResume(JobType type) {
        return find(type).map(JobExecutor::supportsResume).orElse(false);
    }
}
