package dev.pairwise.labeling.quality;

import java.util.Locale;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * After a labeler's judgment of a gold task (in the submit's transaction): when the project pauses
 * labelers below its gold accuracy and this labeler, with at least {@link GoldAccuracy#MIN_JUDGED}
 * gold tasks judged, is below it, they are paused. Runs only for gold tasks, so the common submit
 * pays nothing.
 */
@Component
public class GoldChecks {

    private final JdbcClient jdbc;
    private final QualityData data;
    private final Pauses pauses;

    GoldChecks(JdbcClient jdbc, QualityData data, Pauses pauses) {
        this.jdbc = jdbc;
        this.data = data;
        this.pauses = pauses;
    }

    /** Pauses the labeler if the project says so and their gold accuracy is too low; returns whether it did. */
    public boolean afterGoldJudgment(long projectId, long labelerId) {
        // the minimum, or NaN where the project does not pause
        double min = jdbc.sql("SELECT CASE WHEN gold_pause THEN gold_min_accuracy END FROM projects WHERE id = ?")
                .param(projectId).query((rs, n) -> {
                    double v = rs.getDouble(1);
                    return rs.wasNull() ? Double.NaN : v;
                }).single();
        if (Double.isNaN(min)) {
            return false;
        }
        QualityData.GoldTally tally = data.goldTally(projectId, labelerId);
        if (tally.judged() < GoldAccuracy.MIN_JUDGED || !(tally.accuracy() < min)) {
            return false;
        }
        pauses.pause(projectId, labelerId, String.format(Locale.ROOT,
                "gold accuracy %.0f%% on %d gold tasks is below the project's %.0f%%",
                100 * tally.accuracy(), tally.judged(), 100 * min));
        return true;
    }
}
