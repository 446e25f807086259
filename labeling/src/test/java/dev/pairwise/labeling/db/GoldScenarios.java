package dev.pairwise.labeling.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pairwise.labeling.Fixtures;
import dev.pairwise.labeling.InvalidInputException;
import dev.pairwise.labeling.NotAllowedException;
import dev.pairwise.labeling.account.Role;
import dev.pairwise.labeling.judgment.JudgmentService;
import dev.pairwise.labeling.judgment.SubmitJudgment;
import dev.pairwise.labeling.project.ProjectView;
import dev.pairwise.labeling.quality.GoldService;
import dev.pairwise.labeling.quality.Pauses;
import dev.pairwise.labeling.quality.QualityData;
import dev.pairwise.labeling.quality.QualitySettings;
import dev.pairwise.labeling.quality.QualitySettingsService;
import dev.pairwise.labeling.task.AddedPrompt;
import dev.pairwise.labeling.task.AssignmentService;
import dev.pairwise.labeling.task.NewPrompt;
import dev.pairwise.labeling.task.NextTask;
import dev.pairwise.labeling.task.Origin;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Gold tasks and paused labelers in the assignment, on H2 and PostgreSQL (subclasses), with real
 * transactions: gold tasks leave the overlap-limited open work, go to every labeler once at the
 * project's rate, and a labeler whose gold accuracy falls below the minimum is paused.
 */
abstract class GoldScenarios {

    @Autowired
    ApplicationContext ctx;
    @Autowired
    AssignmentService assignment;
    @Autowired
    JudgmentService judgments;
    @Autowired
    GoldService gold;
    @Autowired
    QualitySettingsService settings;
    @Autowired
    Pauses pauses;
    @Autowired
    QualityData data;
    @Autowired
    JdbcClient jdbc;

    Fixtures f;
    long admin;

    @BeforeEach
    void setUp() {
        f = new Fixtures(ctx);
        admin = f.account(Role.ADMIN);
    }

    @Test
    void at_rate_zero_a_gold_task_is_never_handed_out_even_with_room_left() {
        ProjectView p = f.project(2, 3);
        List<AddedPrompt> added = f.prompts(p.id(), 3, 2);
        markGold(p.id(), added.getFirst());
        long me = f.account(Role.LABELER);
        List<Long> got = drain(p.id(), me);
        assertThat(got).containsExactlyInAnyOrder(added.get(1).taskId(), added.get(2).taskId());
    }

    @Test
    void at_rate_one_each_labeler_gets_every_gold_task_once_beyond_the_overlap_then_regular_work() {
        ProjectView p = f.project(2, 1);
        List<AddedPrompt> added = f.prompts(p.id(), 4, 2);
        markGold(p.id(), added.get(0));
        markGold(p.id(), added.get(1));
        settings.update(p.id(), new QualitySettings(1.0, 0.7, false, 0.34, 0));
        long ann = f.account(Role.LABELER);
        long bob = f.account(Role.LABELER);
        List<Long> annGot = drain(p.id(), ann);
        List<Long> bobGot = drain(p.id(), bob);
        // gold first, oldest first, for both (overlap 1 does not limit gold); the regular tasks shared out
        assertThat(annGot.subList(0, 2)).containsExactly(added.get(0).taskId(), added.get(1).taskId());
        assertThat(bobGot.subList(0, 2)).containsExactly(added.get(0).taskId(), added.get(1).taskId());
        List<Long> regular = new ArrayList<>(annGot.subList(2, annGot.size()));
        regular.addAll(bobGot.subList(2, bobGot.size()));
        assertThat(regular).containsExactlyInAnyOrder(added.get(2).taskId(), added.get(3).taskId());
    }

    @Test
    void an_imported_gold_task_goes_to_a_labeler_with_its_known_ranking() {
        ProjectView p = f.project(3, 1);
        GoldService.GoldTask g = gold.importTask(p.id(), new NewPrompt("Which is right?", List.of(
                new NewPrompt.NewResponse("wrong", Origin.imported("gold")),
                new NewPrompt.NewResponse("right", Origin.imported("gold")),
                new NewPrompt.NewResponse("also wrong", Origin.imported("gold")))), List.of(List.of(1), List.of(0, 2)), admin);
        assertThat(gold.list(p.id())).containsExactly(g);
        settings.update(p.id(), new QualitySettings(1.0, 0.7, false, 0.34, 0));
        NextTask t = assignment.next(p.id(), f.account(Role.LABELER)).orElseThrow();
        assertThat(t.taskId()).isEqualTo(g.taskId());
        long right = t.responses().stream().filter(r -> r.text().equals("right")).findFirst().orElseThrow().id();
        assertThat(g.tiers().getFirst()).containsExactly(right);
        assertThatThrownBy(() -> gold.importTask(p.id(), new NewPrompt("q", List.of(
                new NewPrompt.NewResponse("a", Origin.imported("gold")),
                new NewPrompt.NewResponse("b", Origin.imported("gold")))), List.of(List.of(0), List.of(2)), admin))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("index 2");
    }

    @Test
    void labelers_at_once_get_each_gold_task_at_most_once_and_regular_tasks_exactly_to_the_overlap() throws Exception {
        int labelers = 12;
        int tasks = 30;
        int overlap = 2;
        ProjectView p = f.project(2, overlap);
        List<AddedPrompt> added = f.prompts(p.id(), tasks + 4, 2);
        Set<Long> goldIds = new HashSet<>();
        for (AddedPrompt a : added.subList(0, 4)) {
            markGold(p.id(), a);
            goldIds.add(a.taskId());
        }
        settings.update(p.id(), new QualitySettings(0.3, 0.7, false, 0.34, 0));
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < labelers; i++) {
            ids.add(f.account(Role.LABELER));
        }
        List<List<Long>> got = Concurrently.run(ids.stream()
                .<Callable<List<Long>>>map(me -> () -> drain(p.id(), me)).toList());

        int regularJudged = 0;
        for (List<Long> mine : got) {
            assertThat(mine).as("a labeler never gets a task twice").doesNotHaveDuplicates();
            regularJudged += (int) mine.stream().filter(t -> !goldIds.contains(t)).count();
        }
        assertThat(regularJudged).isEqualTo(tasks * overlap);
        List<long[]> perTask = jdbc.sql("""
                        SELECT t.id, (SELECT COUNT(*) FROM judgments j WHERE j.task_id = t.id),
                               (SELECT COUNT(DISTINCT j.labeler_id) FROM judgments j WHERE j.task_id = t.id)
                          FROM comparison_tasks t WHERE t.project_id = ?""")
                .param(p.id()).query((rs, i) -> new long[]{rs.getLong(1), rs.getLong(2), rs.getLong(3)}).list();
        for (long[] row : perTask) {
            if (goldIds.contains(row[0])) {
                assertThat(row[1]).as("gold judgments by distinct labelers").isEqualTo(row[2]);
            } else {
                assertThat(row[1]).as("regular task " + row[0]).isEqualTo(overlap);
            }
        }
        long goldJudged = perTask.stream().filter(r -> goldIds.contains(r[0])).mapToLong(r -> r[1]).sum();
        assertThat(goldJudged).as("some gold was mixed in at rate 0.3").isPositive();
    }

    @Test
    void a_paused_labeler_gets_no_task_until_resumed() {
        ProjectView p = f.project(2, 1);
        f.prompts(p.id(), 2, 2);
        long me = f.account(Role.LABELER);
        pauses.pause(p.id(), me, "testing");
        assertThatThrownBy(() -> assignment.next(p.id(), me)).isInstanceOf(NotAllowedException.class)
                .hasMessageContaining("paused").hasMessageContaining("testing");
        assertThat(pauses.resume(p.id(), me)).isTrue();
        assertThat(assignment.next(p.id(), me)).isPresent();
    }

    @Test
    void a_labeler_below_the_gold_minimum_is_paused_after_enough_gold_judgments() {
        ProjectView p = f.project(2, 1);
        List<AddedPrompt> added = f.prompts(p.id(), 8, 2);
        for (AddedPrompt a : added.subList(0, 6)) {
            markGold(p.id(), a);
        }
        settings.update(p.id(), new QualitySettings(1.0, 0.7, true, 0.34, 0));
        long contrary = f.account(Role.LABELER);
        for (int i = 0; i < 5; i++) {
            NextTask t = assignment.next(p.id(), contrary).orElseThrow();
            submit(contrary, t, true);
        }
        assertThat(data.goldTally(p.id(), contrary).accuracy()).isEqualTo(0.0);
        assertThatThrownBy(() -> assignment.next(p.id(), contrary)).isInstanceOf(NotAllowedException.class)
                .hasMessageContaining("gold accuracy 0% on 5 gold tasks");
        long careful = f.account(Role.LABELER);
        for (int i = 0; i < 6; i++) {
            submit(careful, assignment.next(p.id(), careful).orElseThrow(), false);
        }
        assertThat(data.goldTally(p.id(), careful).accuracy()).isEqualTo(1.0);
        assertThat(assignment.next(p.id(), careful)).isPresent();
    }

    /** Gold ranking: the task's first response (in stored order) best. */
    private void markGold(long projectId, AddedPrompt a) {
        gold.mark(projectId, a.taskId(), List.of(List.of(a.responseIds().get(0)), List.of(a.responseIds().get(1))), admin);
    }

    /** Takes and judges tasks until none is left; returns their ids in order. */
    private List<Long> drain(long projectId, long me) {
        List<Long> got = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            Optional<NextTask> t = assignment.next(projectId, me);
            if (t.isEmpty()) {
                return got;
            }
            submit(me, t.get(), false);
            got.add(t.get().taskId());
        }
        throw new AssertionError("more than 100 tasks");
    }

    /** Ranks the lower response id best (the gold answer of {@link #markGold}), or the reverse. */
    private void submit(long labeler, NextTask t, boolean contrary) {
        List<Long> ids = t.presentedOrder().stream().sorted().toList();
        List<List<Long>> tiers = contrary ? List.of(List.of(ids.get(1)), List.of(ids.get(0)))
                : List.of(List.of(ids.get(0)), List.of(ids.get(1)));
        judgments.submit(labeler, new SubmitJudgment(t.taskId(), UUID.randomUUID().toString(), t.presentedOrder(),
                tiers, null, null, false, null, null, null));
    }
}
