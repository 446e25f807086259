package dev.pairwise.labeling.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pairwise.labeling.Fixtures;
import dev.pairwise.labeling.InvalidInputException;
import dev.pairwise.labeling.account.Role;
import dev.pairwise.labeling.judgment.JudgmentService;
import dev.pairwise.labeling.judgment.SubmitJudgment;
import dev.pairwise.labeling.project.ProjectSnapshots;
import dev.pairwise.labeling.project.ProjectView;
import dev.pairwise.labeling.project.Routing;
import dev.pairwise.labeling.quality.QualitySettings;
import dev.pairwise.labeling.quality.QualitySettingsService;
import dev.pairwise.labeling.task.AddedPrompt;
import dev.pairwise.labeling.task.AssignmentService;
import dev.pairwise.labeling.task.NextTask;
import dev.pairwise.labeling.task.TaskMargins;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Uncertainty-first routing (issue 13, item 6) on H2 and PostgreSQL (subclasses), through the real
 * assignment and submit paths: with UNCERTAINTY the smallest stored margin comes first and unscored
 * tasks follow oldest first; with FIFO stored margins change nothing; under concurrency no task
 * goes past its overlap or to a labeler twice.
 */
abstract class RoutingScenarios {

    @Autowired
    ApplicationContext ctx;
    @Autowired
    AssignmentService assignment;
    @Autowired
    JudgmentService judgments;
    @Autowired
    QualitySettingsService settings;
    @Autowired
    ProjectSnapshots projects;
    @Autowired
    TaskMargins margins;
    @Autowired
    JdbcClient jdbc;

    Fixtures f;

    @BeforeEach
    void setUp() {
        f = new Fixtures(ctx);
    }

    /** A K=3 project of the given overlap and routing whose tasks get the margins given (null: unscored). */
    private List<Long> tasks(ProjectView p, Routing routing, Double... taskMargins) {
        List<AddedPrompt> added = f.prompts(p.id(), taskMargins.length, 3);
        settings.update(p.id(), new QualitySettings(0, 0.7, false, 0.34, 0, routing));
        Map<Long, Double> byTask = new HashMap<>();
        for (int i = 0; i < taskMargins.length; i++) {
            byTask.put(added.get(i).taskId(), taskMargins[i]);
        }
        margins.store(byTask);
        return added.stream().map(AddedPrompt::taskId).toList();
    }

    @Test
    void uncertainty_hands_out_the_smallest_margin_first_and_unscored_tasks_last_oldest_first() {
        ProjectView p = f.project(3, 1);
        List<Long> t = tasks(p, Routing.UNCERTAINTY, 0.9, null, 0.1, 0.5, null, 0.1);
        assertThat(projects.get(p.id()).routing()).isEqualTo(Routing.UNCERTAINTY);
        assertThat(handedOut(p, f.account(Role.LABELER)))
                .containsExactly(t.get(2), t.get(5), t.get(3), t.get(0), t.get(1), t.get(4));
    }

    @Test
    void fifo_ignores_stored_margins() {
        ProjectView p = f.project(3, 1);
        List<Long> t = tasks(p, Routing.FIFO, 0.9, null, 0.1, 0.5);
        assertThat(projects.get(p.id()).routing()).isEqualTo(Routing.FIFO);
        assertThat(handedOut(p, f.account(Role.LABELER))).containsExactlyElementsOf(t);
    }

    @Test
    void a_new_project_routes_fifo_and_the_setting_is_checked() {
        ProjectView p = f.project(3, 1);
        assertThat(p.routing()).isEqualTo(Routing.FIFO);
        assertThat(settings.get(p.id()).routing()).isEqualTo(Routing.FIFO);
        assertThatThrownBy(() -> settings.update(p.id(), new QualitySettings(0, 0.7, false, 0.34, 0, null)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("routing");
        assertThatThrownBy(() -> Routing.parse("routing", "random"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("FIFO or UNCERTAINTY");
        assertThat(Routing.parse("routing", " uncertainty ")).isEqualTo(Routing.UNCERTAINTY);
    }

    @Test
    void open_tasks_are_read_a_page_at_a_time_with_their_responses_and_margins_stored() {
        ProjectView p = f.project(3, 1);
        List<Long> t = tasks(p, Routing.UNCERTAINTY, null, null, null, null, null);
        List<TaskMargins.OpenTask> first = margins.openTasks(p.id(), 0, 3);
        assertThat(first).extracting(TaskMargins.OpenTask::taskId).containsExactly(t.get(0), t.get(1), t.get(2));
        assertThat(first.getFirst().responses()).hasSize(3).allSatisfy(r -> assertThat(r).startsWith("answer "));
        assertThat(first.getFirst().prompt()).startsWith("prompt ");
        assertThat(margins.openTasks(p.id(), t.get(2), 3)).extracting(TaskMargins.OpenTask::taskId)
                .containsExactly(t.get(3), t.get(4));
        // a judged task (overlap 1: completed) is no longer open
        long me = f.account(Role.LABELER);
        NextTask n = assignment.next(p.id(), me).orElseThrow();
        submit(me, n);
        assertThat(margins.openTasks(p.id(), 0, 10)).extracting(TaskMargins.OpenTask::taskId).doesNotContain(n.taskId());
        margins.store(Map.of(t.get(4), 0.25));
        assertThat(margins.margin(t.get(4))).isEqualTo(0.25);
        assertThat(margins.margin(t.get(3))).isNull();
    }

    @Test
    void many_labelers_at_once_under_uncertainty_never_push_a_task_past_its_overlap_nor_get_a_task_twice()
            throws Exception {
        int overlap = 2;
        ProjectView p = f.project(3, overlap);
        List<Long> t = tasks(p, Routing.UNCERTAINTY, 0.3, null, 0.2, 0.1, null, 0.4);
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            ids.add(f.account(Role.LABELER));
        }
        List<Integer> done = Concurrently.run(ids.stream().<Callable<Integer>>map(me -> () -> {
            int n = 0;
            for (Optional<NextTask> next = assignment.next(p.id(), me); next.isPresent();
                    next = assignment.next(p.id(), me)) {
                submit(me, next.get());
                n++;
            }
            return n;
        }).toList());
        assertThat(done.stream().mapToInt(Integer::intValue).sum()).isEqualTo(t.size() * overlap);
        List<Long> perTask = jdbc.sql("""
                        SELECT COUNT(j.id) FROM comparison_tasks t LEFT JOIN judgments j ON j.task_id = t.id
                         WHERE t.project_id = ? GROUP BY t.id""").param(p.id()).query(Long.class).list();
        assertThat(perTask).hasSize(t.size()).allMatch(n -> n == overlap);
        assertThat(jdbc.sql("""
                        SELECT COUNT(*) FROM (SELECT task_id, labeler_id FROM assignments a
                          JOIN comparison_tasks t ON t.id = a.task_id WHERE t.project_id = ?
                         GROUP BY task_id, labeler_id HAVING COUNT(*) > 1) d""")
                .param(p.id()).query(Long.class).single()).isZero();
    }

    /** Next and submit until the labeler's queue is empty; the task ids in the order handed out. */
    private List<Long> handedOut(ProjectView p, long me) {
        List<Long> order = new ArrayList<>();
        for (Optional<NextTask> n = assignment.next(p.id(), me); n.isPresent(); n = assignment.next(p.id(), me)) {
            order.add(n.get().taskId());
            submit(me, n.get());
        }
        return order;
    }

    private void submit(long labeler, NextTask t) {
        judgments.submit(labeler, new SubmitJudgment(t.taskId(), UUID.randomUUID().toString(), t.presentedOrder(),
                t.presentedOrder().stream().map(List::of).toList(), Map.of(), Map.of(), false, null, null, 10L));
    }
}
