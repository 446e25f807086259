package dev.pairwise.labeling.quality;

import dev.pairwise.labeling.NotFoundException;
import dev.pairwise.labeling.project.ProjectSnapshots;
import dev.pairwise.labeling.project.Routing;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads and sets a project's {@link QualitySettings} (columns of {@code projects}). */
@Service
public class QualitySettingsService {

    private final JdbcClient jdbc;
    private final ProjectSnapshots snapshots;

    QualitySettingsService(JdbcClient jdbc, ProjectSnapshots snapshots) {
        this.jdbc = jdbc;
        this.snapshots = snapshots;
    }

    /** The project's settings; {@link NotFoundException} naming {@code projectId} if unknown. */
    @Transactional(readOnly = true)
    public QualitySettings get(long projectId) {
        return jdbc.sql("""
                        SELECT gold_rate, gold_min_accuracy, gold_pause, review_disagreement, repeat_rate, routing
                          FROM projects WHERE id = ?""")
                .param(projectId)
                .query((rs, n) -> new QualitySettings(rs.getDouble(1), rs.getDouble(2), rs.getBoolean(3), rs.getDouble(4),
                        rs.getDouble(5), Routing.valueOf(rs.getString(6))))
                .optional()
                .orElseThrow(() -> NotFoundException.of("projectId", "project", projectId));
    }

    /** Replaces the project's settings; the assignment path sees new gold and repeat rates and the routing once this commits. */
    @Transactional
    public QualitySettings update(long projectId, QualitySettings settings) {
        if (settings == null) {
            throw new dev.pairwise.labeling.InvalidInputException("settings", "quality settings are missing");
        }
        QualitySettings s = settings.validated();
        int updated = jdbc.sql("""
                        UPDATE projects SET gold_rate = ?, gold_min_accuracy = ?, gold_pause = ?, review_disagreement = ?,
                               repeat_rate = ?, routing = ?
                         WHERE id = ?""")
                .params(s.goldRate(), s.goldMinAccuracy(), s.goldPause(), s.reviewDisagreement(), s.repeatRate(),
                        s.routing().name(), projectId)
                .update();
        if (updated == 0) {
            throw NotFoundException.of("projectId", "project", projectId);
        }
        snapshots.evictAfterCommit(projectId);
        return s;
    }
}
