package dev.pairwise.labeling.quality;

import dev.pairwise.labeling.NotFoundException;
import java.time.Clock;
import java.time.ZoneOffset;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Pauses and resumes labelers per project. A paused labeler is refused new tasks of the project
 * (the assignment reads the pause with the labeler's row lock it takes anyway); judgments they
 * already made stay.
 */
@Service
public class Pauses {

    private final JdbcClient jdbc;
    private final Clock clock;

    Pauses(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Pauses the labeler in the project (again: keeps the first reason). */
    @Transactional
    public void pause(long projectId, long labelerId, String reason) {
        requireBoth(projectId, labelerId);
        jdbc.sql("""
                        INSERT INTO paused_labelers (project_id, labeler_id, reason, paused_at)
                        SELECT ?, ?, ?, ? WHERE NOT EXISTS
                               (SELECT 1 FROM paused_labelers WHERE project_id = ? AND labeler_id = ?)""")
                .params(projectId, labelerId, reason.length() > 400 ? reason.substring(0, 400) : reason,
                        clock.instant().atOffset(ZoneOffset.UTC), projectId, labelerId)
                .update();
    }

    /** Lets the labeler take tasks of the project again; returns whether they were paused. */
    @Transactional
    public boolean resume(long projectId, long labelerId) {
        requireBoth(projectId, labelerId);
        return jdbc.sql("DELETE FROM paused_labelers WHERE project_id = ? AND labeler_id = ?")
                .params(projectId, labelerId).update() > 0;
    }

    private void requireBoth(long projectId, long labelerId) {
        if (jdbc.sql("SELECT COUNT(*) FROM projects WHERE id = ?").param(projectId).query(Long.class).single() == 0) {
            throw NotFoundException.of("projectId", "project", projectId);
        }
        if (jdbc.sql("SELECT COUNT(*) FROM accounts WHERE id = ?").param(labelerId).query(Long.class).single() == 0) {
            throw NotFoundException.of("labelerId", "account", labelerId);
        }
    }
}
