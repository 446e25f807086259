package dev.pairwise.labeling.quality;

import dev.pairwise.labeling.ConflictException;
import dev.pairwise.labeling.InvalidInputException;
import dev.pairwise.labeling.NotFoundException;
import dev.pairwise.labeling.judgment.RankingValidator;
import dev.pairwise.labeling.task.AddedPrompt;
import dev.pairwise.labeling.task.Ids;
import dev.pairwise.labeling.task.NewPrompt;
import dev.pairwise.labeling.task.TaskService;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Gold tasks: tasks with a known ranking that every labeler may get, mixed into their queue at the
 * project's gold rate and not marked as gold to them (see the assignment). An admin marks an
 * existing task or imports a new prompt with its responses and ranking. A gold task leaves the
 * overlap-limited open work: it is no one's regular task any more.
 */
@Service
public class GoldService {

    /** A gold task and its known ranking. */
    public record GoldTask(long taskId, List<List<Long>> tiers) {
    }

    private final JdbcClient jdbc;
    private final TaskService tasks;
    private final Clock clock;

    GoldService(JdbcClient jdbc, TaskService tasks, Clock clock) {
        this.jdbc = jdbc;
        this.tasks = tasks;
        this.clock = clock;
    }

    /** Marks a task of the project as gold with this ranking of its responses (best tier first). */
    @Transactional
    public GoldTask mark(long projectId, long taskId, List<List<Long>> tiers, long adminId) {
        List<Long> responses = jdbc.sql("""
                        SELECT tr.response_id FROM task_responses tr JOIN comparison_tasks t ON t.id = tr.task_id
                         WHERE tr.task_id = ? AND t.project_id = ? ORDER BY tr.position""")
                .params(taskId, projectId).query(Long.class).list();
        if (responses.isEmpty()) {
            throw new NotFoundException("taskId", "project " + projectId + " has no task " + taskId);
        }
        return store(projectId, taskId, responses, tiers, adminId);
    }

    private GoldTask store(long projectId, long taskId, List<Long> responses, List<List<Long>> tiers, long adminId) {
        RankingValidator.validateTiers(responses, tiers);
        // the task row's lock orders this after a judgment being stored for it
        jdbc.sql("SELECT id FROM comparison_tasks WHERE id = ? FOR UPDATE").param(taskId).query(Long.class).single();
        if (jdbc.sql("SELECT COUNT(*) FROM gold_rankings WHERE task_id = ?").param(taskId).query(Long.class).single() > 0) {
            throw new ConflictException("taskId", "task " + taskId + " is gold already");
        }
        jdbc.sql("INSERT INTO gold_rankings (task_id, project_id, tiers, created_by, created_at) VALUES (?, ?, ?, ?, ?)")
                .params(taskId, projectId, Ids.joinTiers(tiers), adminId, clock.instant().atOffset(ZoneOffset.UTC))
                .update();
        jdbc.sql("UPDATE comparison_tasks SET gold = TRUE, full_until = NULL WHERE id = ?").param(taskId).update();
        return new GoldTask(taskId, tiers);
    }

    /**
     * Adds a prompt with its responses as a new gold task; {@code ranking} ranks the responses by
     * their index in {@code prompt.responses()} (0 = first), best tier first.
     */
    @Transactional
    public GoldTask importTask(long projectId, NewPrompt prompt, List<List<Integer>> ranking, long adminId) {
        if (ranking == null || ranking.isEmpty()) {
            throw new InvalidInputException("ranking", "ranking must rank the responses by index, best first");
        }
        AddedPrompt added = tasks.addPrompt(projectId, prompt);
        List<List<Long>> tiers = new ArrayList<>();
        for (List<Integer> tier : ranking) {
            List<Long> ids = new ArrayList<>();
            for (Integer i : tier == null ? List.<Integer>of() : tier) {
                if (i == null || i < 0 || i >= added.responseIds().size()) {
                    throw new InvalidInputException("ranking", "response index " + i + " is not among the "
                            + added.responseIds().size() + " responses (0-based)");
                }
                ids.add(added.responseIds().get(i));
            }
            tiers.add(ids);
        }
        // the task's responses from the import itself: JPA writes its task_responses rows at the flush
        return store(projectId, added.taskId(), added.responseIds(), tiers, adminId);
    }

    /** The project's gold tasks, oldest first. */
    @Transactional(readOnly = true)
    public List<GoldTask> list(long projectId) {
        return jdbc.sql("SELECT task_id, tiers FROM gold_rankings WHERE project_id = ? ORDER BY project_id, task_id")
                .param(projectId).query((rs, n) -> new GoldTask(rs.getLong(1), Ids.splitTiers(rs.getString(2)))).list();
    }
}
