package dev.pairwise.labeling.quality;

import dev.pairwise.labeling.NotFoundException;
import dev.pairwise.labeling.task.Ids;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the labelers table reads of a project, in plain JDBC: every labeler judgment with its
 * presented order and time, the length of every response, the gold rankings and who is paused.
 * A table over a whole project: read when an admin opens it, not on a labeling path.
 */
@Service
@Transactional(readOnly = true)
public class QualityData {

    private final JdbcClient jdbc;

    QualityData(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The project's labeler judgments (imported ones and adjudications have no labeler; AI judges'
     * are left out: this is about people), oldest first.
     */
    public List<LabelerJudgment> labelerJudgments(long projectId) {
        requireProject(projectId);
        return jdbc.sql("""
                        SELECT j.id, j.task_id, j.labeler_id, a.username, j.presented_order, j.tiers,
                               j.time_on_task_ms, t.gold
                          FROM judgments j
                          JOIN accounts a ON a.id = j.labeler_id
                          JOIN comparison_tasks t ON t.id = j.task_id
                         WHERE j.project_id = ? AND j.ai = FALSE
                         ORDER BY j.project_id, j.id""")
                .param(projectId)
                .query((rs, n) -> new LabelerJudgment(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4),
                        Ids.split(rs.getString(5)), Ids.splitTiers(rs.getString(6)),
                        rs.getObject(7, Long.class), rs.getBoolean(8)))
                .list();
    }

    /** The length in characters of every response of the project's prompts, by response id. */
    public Map<Long, Integer> responseLengths(long projectId) {
        Map<Long, Integer> lengths = new HashMap<>();
        jdbc.sql("""
                        SELECT r.id, LENGTH(r.text) FROM responses r JOIN prompts p ON p.id = r.prompt_id
                         WHERE p.project_id = ?""")
                .param(projectId)
                .query(rs -> {
                    lengths.put(rs.getLong(1), rs.getInt(2));
                });
        return lengths;
    }

    /** The known ranking of each gold task of the project, by task id. */
    public Map<Long, List<List<Long>>> goldRankings(long projectId) {
        Map<Long, List<List<Long>>> gold = new HashMap<>();
        jdbc.sql("SELECT task_id, tiers FROM gold_rankings WHERE project_id = ? ORDER BY project_id, task_id")
                .param(projectId)
                .query(rs -> {
                    gold.put(rs.getLong(1), Ids.splitTiers(rs.getString(2)));
                });
        return gold;
    }

    /** The paused labelers of the project: account id to the reason. */
    public Map<Long, String> paused(long projectId) {
        Map<Long, String> paused = new HashMap<>();
        jdbc.sql("SELECT labeler_id, reason FROM paused_labelers WHERE project_id = ?")
                .param(projectId)
                .query(rs -> {
                    paused.put(rs.getLong(1), rs.getString(2));
                });
        return paused;
    }

    /** Each labeler's score on the gold tasks among {@code judgments}: labeler id to their tally. Pure. */
    public static Map<Long, GoldTally> goldScores(List<LabelerJudgment> judgments, Map<Long, List<List<Long>>> gold) {
        Map<Long, GoldTally> out = new HashMap<>();
        for (LabelerJudgment j : judgments) {
            List<List<Long>> known = gold.get(j.taskId());
            if (known != null) {
                out.merge(j.labelerId(), new GoldTally(1, GoldAccuracy.score(known, j.tiers())), GoldTally::plus);
            }
        }
        return out;
    }

    /** One labeler's tally on a project's gold tasks: one statement, by the gold index and (task, labeler). */
    public GoldTally goldTally(long projectId, long labelerId) {
        GoldTally[] tally = {new GoldTally(0, new GoldAccuracy.Score(0, 0))};
        jdbc.sql("""
                        SELECT g.tiers, j.tiers FROM gold_rankings g
                          JOIN judgments j ON j.task_id = g.task_id AND j.labeler_id = ?
                         WHERE g.project_id = ?""")
                .params(labelerId, projectId)
                .query(rs -> {
                    tally[0] = tally[0].plus(new GoldTally(1, GoldAccuracy.score(Ids.splitTiers(rs.getString(1)),
                            Ids.splitTiers(rs.getString(2)))));
                });
        return tally[0];
    }

    /**
     * Each labeler's answered position-swapped repeats in the project (see
     * {@code dev.pairwise.labeling.task.Repeats}): labeler id to their tally.
     */
    public Map<Long, RepeatTally> repeatTallies(long projectId) {
        Map<Long, RepeatTally> out = new HashMap<>();
        jdbc.sql("""
                        SELECT labeler_id, COUNT(*), SUM(agreed), SUM(compared) FROM repeat_checks
                         WHERE project_id = ? AND answered_at IS NOT NULL
                         GROUP BY labeler_id""")
                .param(projectId)
                .query(rs -> {
                    out.put(rs.getLong(1), new RepeatTally(rs.getInt(2), rs.getInt(3), rs.getInt(4)));
                });
        return out;
    }

    /**
     * A labeler's answered repeats, and over the response pairs both of their answers ranked
     * strictly ({@code compared}), those ranked the same way ({@code agreed}).
     */
    public record RepeatTally(int checks, int agreed, int compared) {

        /** agreed / compared: how often the labeler agrees with themself; NaN before any compared pair. */
        public double selfConsistency() {
            return compared == 0 ? Double.NaN : (double) agreed / compared;
        }
    }

    /** A labeler's gold tasks judged and their summed {@link GoldAccuracy.Score}. */
    public record GoldTally(int judged, GoldAccuracy.Score score) {

        /** The gold accuracy, NaN before any scored pair. */
        public double accuracy() {
            return score.accuracy();
        }

        GoldTally plus(GoldTally other) {
            return new GoldTally(judged + other.judged, score.plus(other.score));
        }
    }

    private void requireProject(long projectId) {
        if (jdbc.sql("SELECT COUNT(*) FROM projects WHERE id = ?").param(projectId).query(Long.class).single() == 0) {
            throw NotFoundException.of("projectId", "project", projectId);
        }
    }
}
