package dev.pairwise.labeling.battle;

import dev.pairwise.labeling.task.Ids;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The rankings a leaderboard is fitted on: judgments of prompts that have responses from at
 * least two different systems, each with the system of every response. Read in keyset pages of
 * judgments ({@code id > last ORDER BY id LIMIT n}), with the responses of each page's prompts in
 * a second query, so no persistence context grows. Ties, "both bad" battles (a tie whose
 * responses carry the LOW_QUALITY flag) and all-bad judgments come back as their tiers say;
 * the better answer a labeler wrote is HUMAN and has no system.
 */
@Service
public class SystemRankings {

    static final int PAGE = 1000;

    /** A prompt qualifies when two of its responses name different systems. */
    private static final String JUDGMENTS = """
            SELECT j.id, j.project_id, j.prompt_id, j.tiers FROM judgments j
             WHERE j.id > :after AND (:all = TRUE OR j.project_id = :projectId) AND j.source <> 'adjudication'
               AND EXISTS (SELECT 1 FROM responses a JOIN responses b ON b.prompt_id = a.prompt_id
                            WHERE a.prompt_id = j.prompt_id
                              AND a.origin_kind IN ('MODEL', 'IMPORTED') AND b.origin_kind IN ('MODEL', 'IMPORTED')
                              AND a.origin_model IS NOT NULL AND b.origin_model IS NOT NULL
                              AND a.origin_model <> b.origin_model)
             ORDER BY j.id
             LIMIT :limit
            """;

    private static final String SYSTEMS = """
            SELECT r.id, r.origin_model FROM responses r
             WHERE r.prompt_id IN (:prompts) AND r.origin_kind IN ('MODEL', 'IMPORTED') AND r.origin_model IS NOT NULL
            """;

    private final JdbcClient jdbc;

    SystemRankings(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private record Row(long id, long projectId, long promptId, String tiers) {
    }

    /** Every such ranking in judgment order; of one project, or of all when {@code projectId} is null. */
    @Transactional(readOnly = true)
    public List<SystemRanking> rankings(@Nullable Long projectId) {
        return rankings(projectId, PAGE);
    }

    /** As {@link #rankings(Long)}, reading {@code pageSize} judgments per query. */
    @Transactional(readOnly = true)
    List<SystemRanking> rankings(@Nullable Long projectId, int pageSize) {
        List<SystemRanking> out = new ArrayList<>();
        long after = 0;
        while (true) {
            List<Row> page = jdbc.sql(JUDGMENTS).param("after", after).param("all", projectId == null)
                    .param("projectId", projectId == null ? -1L : projectId).param("limit", pageSize)
                    .query((rs, n) -> new Row(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4)))
                    .list();
            if (page.isEmpty()) {
                return out;
            }
            Map<Long, String> systems = new HashMap<>();
            jdbc.sql(SYSTEMS).param("prompts", page.stream().map(Row::promptId).distinct().toList())
                    .query((rs, n) -> Map.entry(rs.getLong(1), rs.getString(2)))
                    .list().forEach(e -> systems.put(e.getKey(), e.getValue()));
            for (Row r : page) {
                List<List<Long>> tiers = Ids.splitTiers(r.tiers());
                Map<Long, String> systemOf = new HashMap<>();
                tiers.forEach(tier -> tier.forEach(id -> {
                    String system = systems.get(id);
                    if (system != null) {
                        systemOf.put(id, system);
                    }
                }));
                out.add(new SystemRanking(r.id(), r.projectId(), r.promptId(), tiers, systemOf));
            }
            if (page.size() < pageSize) {
                return out;
            }
            after = page.getLast().id();
        }
    }
}
