package dev.pairwise.labeling.dataset;

import dev.pairwise.labeling.demo.DemoStatus;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What training jobs read from the annotation domain, in two steps: at submission the ids of the
 * rows a job will learn from (its frozen snapshot), and when it runs the texts of exactly those
 * ids, in snapshot order. Rows added after the snapshot are never read; rows that vanished since
 * are left out (nothing in the schema deletes them today). Read-only, plain JDBC like the export.
 */
@Service
@Transactional(readOnly = true)
public class TrainingDataService {

    /** Ids per {@code IN (...)} list: well under every database's parameter limit. */
    static final int CHUNK = 500;

    private final JdbcClient jdbc;

    TrainingDataService(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Whether a labeling project with this id exists. */
    public boolean projectExists(long projectId) {
        return jdbc.sql("SELECT COUNT(*) FROM projects WHERE id = ?").param(projectId).query(Long.class).single() > 0;
    }

    /** Ids of the APPROVED demonstrations (the only ones fit for training), of one project or of all. */
    public List<Long> approvedDemonstrationIds(@Nullable Long projectId) {
        if (projectId == null) {
            return jdbc.sql("SELECT id FROM demonstrations WHERE status = ? ORDER BY id")
                    .param(DemoStatus.APPROVED.name()).query(Long.class).list();
        }
        return jdbc.sql("SELECT id FROM demonstrations WHERE project_id = ? AND status = ? ORDER BY project_id, status, id")
                .params(projectId, DemoStatus.APPROVED.name()).query(Long.class).list();
    }

    /** Ids of a project's preference pairs, oldest first. */
    public List<Long> pairIds(long projectId) {
        return jdbc.sql("SELECT id FROM preference_pairs WHERE project_id = ? ORDER BY project_id, id")
                .param(projectId).query(Long.class).list();
    }

    /**
     * Ids of a project's preference pairs that are not AI judges', oldest first, filtered for
     * label quality: {@link #pairIds(long, boolean, Collection, PairSource)} with {@link PairSource#HUMAN}.
     */
    public List<Long> pairIds(long projectId, boolean preferAdjudicated, Collection<Long> excludedLabelers) {
        return pairIds(projectId, preferAdjudicated, excludedLabelers, PairSource.HUMAN);
    }

    /**
     * Ids of a project's preference pairs, oldest first, filtered by source and for label quality.
     *
     * @param preferAdjudicated where a reviewer adjudicated a task, only the adjudicated ranking's
     *                          pairs of that task; else every pair, the adjudication as one more ranking
     * @param excludedLabelers  account ids whose judgments' pairs are left out (e.g. flagged labelers)
     * @param source            whose rankings: people's (and imports), AI judges', or both
     */
    public List<Long> pairIds(long projectId, boolean preferAdjudicated, Collection<Long> excludedLabelers,
                              PairSource source) {
        if (!preferAdjudicated && excludedLabelers.isEmpty() && source == PairSource.BOTH) {
            return pairIds(projectId);
        }
        StringBuilder sql = new StringBuilder("""
                SELECT p.id FROM preference_pairs p JOIN judgments j ON j.id = p.judgment_id
                 WHERE p.project_id = :projectId""");
        if (source != PairSource.BOTH) {
            sql.append(source == PairSource.AI ? " AND j.ai = TRUE" : " AND j.ai = FALSE");
        }
        if (preferAdjudicated) {
            sql.append(" AND (j.task_id IS NULL OR j.source = 'adjudication'")
                    .append(" OR NOT EXISTS (SELECT 1 FROM adjudications d WHERE d.task_id = j.task_id))");
        }
        if (!excludedLabelers.isEmpty()) {
            sql.append(" AND (j.labeler_id IS NULL OR j.labeler_id NOT IN (:excluded))");
        }
        sql.append(" ORDER BY p.project_id, p.id");
        var statement = jdbc.sql(sql.toString()).param("projectId", projectId);
        if (!excludedLabelers.isEmpty()) {
            statement = statement.param("excluded", List.copyOf(excludedLabelers));
        }
        return statement.query(Long.class).list();
    }

    /** Ids of a project's prompts, oldest first. */
    public List<Long> promptIds(long projectId) {
        return jdbc.sql("SELECT id FROM prompts WHERE project_id = ? ORDER BY project_id, id")
                .param(projectId).query(Long.class).list();
    }

    /** The demonstrations of {@code ids}, in that order. */
    public List<DemonstrationText> demonstrations(List<Long> ids) {
        return byIds(ids, "SELECT id, instruction, response FROM demonstrations WHERE id IN (:ids)",
                (rs, n) -> new DemonstrationText(rs.getLong(1), rs.getString(2), rs.getString(3)),
                DemonstrationText::id);
    }

    /** The preference pairs of {@code ids} with their prompt and response texts, in that order. */
    public List<PairText> pairs(List<Long> ids) {
        return byIds(ids, """
                        SELECT p.id, p.judgment_id, q.text, c.id, c.text, r.id, r.text, p.margin
                          FROM preference_pairs p
                          JOIN prompts q ON q.id = p.prompt_id
                          JOIN responses c ON c.id = p.chosen_response_id
                          JOIN responses r ON r.id = p.rejected_response_id
                         WHERE p.id IN (:ids)""",
                (rs, n) -> new PairText(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getLong(4), rs.getString(5),
                        rs.getLong(6), rs.getString(7), rs.getInt(8)),
                PairText::id);
    }

    /** The prompts of {@code ids}, in that order. */
    public List<PromptText> prompts(List<Long> ids) {
        return byIds(ids, "SELECT id, text FROM prompts WHERE id IN (:ids)",
                (rs, n) -> new PromptText(rs.getLong(1), rs.getString(2)), PromptText::id);
    }

    private <T> List<T> byIds(List<Long> ids, String sql, RowMapper<T> mapper, Function<T, Long> idOf) {
        Map<Long, T> found = new HashMap<>();
        for (int from = 0; from < ids.size(); from += CHUNK) {
            List<Long> chunk = ids.subList(from, Math.min(from + CHUNK, ids.size()));
            for (T row : jdbc.sql(sql).param("ids", chunk).query(mapper).list()) {
                found.put(idOf.apply(row), row);
            }
        }
        List<T> out = new ArrayList<>(ids.size());
        for (Long id : ids) {
            T row = found.get(id);
            if (row != null) {
                out.add(row);
            }
        }
        return out;
    }
}
