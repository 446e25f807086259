package dev.pairwise.labeling.project;

import dev.pairwise.labeling.NotFoundException;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Project settings as the hot labeling paths read them (name, guidelines, lease length, order),
 * kept for {@link #TTL} so that every {@code tasks/next} does not re-read the project row and its
 * guidelines (up to a megabyte). An edit in this instance evicts its entry when the edit commits;
 * another instance sees it within {@link #TTL}. Nothing that keeps a rule reads the overlap from
 * here: the assignment and judgment statements read it from {@code projects} themselves.
 */
@Component
public class ProjectSnapshots {

    /** How long another instance may show settings from before an edit. */
    static final Duration TTL = Duration.ofSeconds(2);

    private record Entry(ProjectView project, long loadedAt) {
    }

    private final ProjectRepository projects;
    private final ConcurrentMap<Long, Entry> cache = new ConcurrentHashMap<>();

    ProjectSnapshots(ProjectRepository projects) {
        this.projects = projects;
    }

    /** The project's settings, at most {@link #TTL} old; {@link NotFoundException} naming {@code projectId}. */
    public ProjectView get(long projectId) {
        long now = System.nanoTime();
        Entry e = cache.get(projectId);
        if (e == null || now - e.loadedAt() > TTL.toNanos()) {
            ProjectView p = projects.findById(projectId).map(Project::view)
                    .orElseThrow(() -> NotFoundException.of("projectId", "project", projectId));
            e = new Entry(p, now);
            cache.put(projectId, e);
        }
        return e.project();
    }

    /** Forgets a project once the current transaction commits (at once outside one): its settings changed. */
    public void evictAfterCommit(long projectId) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    cache.remove(projectId);
                }
            });
        } else {
            cache.remove(projectId);
        }
    }
}
