package dev.pairwise.labeling.quality;

import dev.pairwise.labeling.NotFoundException;
import dev.pairwise.labeling.task.Ids;
import dev.pairwise.labeling.task.ShownResponse;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What a reviewer sees of one task: the prompt, the responses, each labeler's ranking, the adjudication. */
@Service
@Transactional(readOnly = true)
public class ReviewData {

    /** One labeler's ranking of the task, best tier first. */
    public record LabelerRanking(String labeler, List<List<Long>> tiers) {
    }

    /**
     * A task under review.
     *
     * @param responses  in the task's stored order (reviewers see the same order for every labeler)
     * @param rankings   the labelers' rankings, oldest first
     */
    public record ReviewTask(long taskId, long projectId, String prompt, List<ShownResponse> responses,
                             List<LabelerRanking> rankings, Optional<Adjudications.Adjudication> adjudication) {
    }

    private final JdbcClient jdbc;
    private final Adjudications adjudications;

    ReviewData(JdbcClient jdbc, Adjudications adjudications) {
        this.jdbc = jdbc;
        this.adjudications = adjudications;
    }

    /** The task as a reviewer sees it; {@link NotFoundException} naming {@code taskId}. */
    public ReviewTask task(long taskId) {
        record Head(long projectId, String prompt) {
        }
        Head head = jdbc.sql("SELECT t.project_id, p.text FROM comparison_tasks t JOIN prompts p ON p.id = t.prompt_id WHERE t.id = ?")
                .param(taskId).query((rs, n) -> new Head(rs.getLong(1), rs.getString(2))).optional()
                .orElseThrow(() -> NotFoundException.of("taskId", "task", taskId));
        List<ShownResponse> responses = jdbc.sql("""
                        SELECT r.id, r.text FROM task_responses tr JOIN responses r ON r.id = tr.response_id
                         WHERE tr.task_id = ? ORDER BY tr.position""")
                .param(taskId).query((rs, n) -> new ShownResponse(rs.getLong(1), rs.getString(2))).list();
        List<LabelerRanking> rankings = jdbc.sql("""
                        SELECT a.username, j.tiers FROM judgments j JOIN accounts a ON a.id = j.labeler_id
                         WHERE j.task_id = ? AND j.ai = FALSE ORDER BY j.id""")
                .param(taskId).query((rs, n) -> new LabelerRanking(rs.getString(1), Ids.splitTiers(rs.getString(2))))
                .list();
        return new ReviewTask(taskId, head.projectId(), head.prompt(), responses, rankings, adjudications.find(taskId));
    }
}
