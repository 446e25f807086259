package dev.pairwise.app.training;

import dev.pairwise.labeling.project.ProjectSnapshots;
import dev.pairwise.labeling.project.Routing;
import dev.pairwise.labeling.task.TaskMargins;
import dev.pairwise.policy.align.RewardFunction;
import dev.pairwise.policy.data.pairs.Turn;
import dev.pairwise.rewardmodel.RewardMargin;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.springframework.stereotype.Component;

/**
 * Uncertainty-first routing's refresh: after a REWARD job of a project with UNCERTAINTY routing
 * has saved its model, every open task's responses are scored with it and the task's margin
 * ({@link RewardMargin}) stored, a page at a time with one batched write per page, in the job's
 * own thread (never on a request). Projects with FIFO routing are left alone: scoring costs a
 * forward pass per response, and their margins would be read by nothing.
 */
@Component
class UncertaintyRefresh {

    /** Tasks scored and written per page. */
    static final int PAGE = 256;

    private final ProjectSnapshots projects;
    private final TaskMargins margins;

    UncertaintyRefresh(ProjectSnapshots projects, TaskMargins margins) {
        this.projects = projects;
        this.margins = margins;
    }

    /**
     * Scores the project's open tasks when its routing is UNCERTAINTY.
     *
     * @return tasks scored (0 for a FIFO project)
     */
    int refresh(long projectId, RewardFunction reward, Consumer<String> log) {
        if (projects.get(projectId).routing() != Routing.UNCERTAINTY) {
            return 0;
        }
        int scored = 0;
        long after = 0;
        while (true) {
            List<TaskMargins.OpenTask> page = margins.openTasks(projectId, after, PAGE);
            if (page.isEmpty()) {
                break;
            }
            List<Double> m = RewardMargin.of(reward, page.stream().map(t -> Turn.user(t.prompt())).toList(),
                    page.stream().map(TaskMargins.OpenTask::responses).toList());
            Map<Long, Double> byTask = new LinkedHashMap<>();
            for (int i = 0; i < page.size(); i++) {
                byTask.put(page.get(i).taskId(), m.get(i));
            }
            margins.store(byTask);
            scored += page.size();
            after = page.getLast().taskId();
        }
        log.accept("uncertainty routing: margins of " + scored + " open tasks refreshed");
        return scored;
    }
}
