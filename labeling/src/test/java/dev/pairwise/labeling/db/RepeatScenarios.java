package dev.pairwise.labeling.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pairwise.labeling.ConflictException;
import dev.pairwise.labeling.Fixtures;
import dev.pairwise.labeling.InvalidInputException;
import dev.pairwise.labeling.account.Role;
import dev.pairwise.labeling.judgment.JudgmentService;
import dev.pairwise.labeling.judgment.SubmitJudgment;
import dev.pairwise.labeling.judgment.SubmitResult;
import dev.pairwise.labeling.project.ProjectView;
import dev.pairwise.labeling.quality.QualityData;
import dev.pairwise.labeling.quality.QualitySettings;
import dev.pairwise.labeling.quality.QualitySettingsService;
import dev.pairwise.labeling.task.AssignmentService;
import dev.pairwise.labeling.task.NextTask;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Position-swapped repeats (issue 13, item 3) on H2 and PostgreSQL (subclasses), through the real
 * assignment and submit paths: a task judged a while ago comes back unmarked with its responses
 * reversed; the second answer is kept apart from judgments (no overlap, no pairs) and compared
 * with the first; a careful labeler scores 1, one who clicks by position 0.
 */
abstract class RepeatScenarios {

    @Autowired
    ApplicationContext ctx;
    @Autowired
    AssignmentService assignment;
    @Autowired
    JudgmentService judgments;
    @Autowired
    QualitySettingsService settings;
    @Autowired
    QualityData data;
    @Autowired
    JdbcClient jdbc;

    Fixtures f;

    @BeforeEach
    void setUp() {
        f = new Fixtures(ctx);
    }

    /** A K=2 project with {@code prompts} tasks, overlap 1, and the given repeat rate. */
    private ProjectView project(int prompts, double repeatRate) {
        ProjectView p = f.project(2, 1);
        f.prompts(p.id(), prompts, 2);
        settings.update(p.id(), new QualitySettings(0, 0.7, false, 0.34, repeatRate));
        return p;
    }

    @Test
    void at_rate_zero_nothing_is_repeated_and_the_queue_ends() {
        ProjectView p = project(6, 0);
        long me = f.account(Role.LABELER);
        for (int i = 0; i < 6; i++) {
            NextTask t = assignment.next(p.id(), me).orElseThrow();
            submit(me, t, byContent(t), UUID.randomUUID().toString());
        }
        assertThat(assignment.next(p.id(), me)).isEmpty();
        assertThat(count("SELECT COUNT(*) FROM repeat_checks WHERE project_id = ?", p.id())).isZero();
    }

    @Test
    void a_careful_labeler_agrees_with_themself_on_swapped_repeats_and_nothing_counts_as_a_judgment() {
        ProjectView p = project(8, 1.0);
        long me = f.account(Role.LABELER);
        Map<Long, List<Long>> firstOrder = new HashMap<>();
        List<Long> repeated = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            Optional<NextTask> next = assignment.next(p.id(), me);
            if (next.isEmpty()) {
                break;
            }
            NextTask t = next.get();
            if (firstOrder.containsKey(t.taskId())) {
                // unmarked to the labeler, but the order is the first one reversed
                assertThat(t.presentedOrder()).containsExactlyElementsOf(firstOrder.get(t.taskId()).reversed());
                repeated.add(t.taskId());
            } else {
                firstOrder.put(t.taskId(), t.presentedOrder());
            }
            submit(me, t, byContent(t), UUID.randomUUID().toString());
        }
        // a labeler's three latest judgments are not repeated, so new tasks and repeats alternate: 8 tasks, 5 repeats
        assertThat(firstOrder).hasSize(8);
        assertThat(repeated).hasSize(5).doesNotHaveDuplicates();
        assertThat(count("SELECT COUNT(*) FROM judgments WHERE project_id = ?", p.id())).isEqualTo(8);
        assertThat(count("SELECT COUNT(*) FROM preference_pairs WHERE project_id = ?", p.id())).isEqualTo(8);
        QualityData.RepeatTally tally = data.repeatTallies(p.id()).get(me);
        assertThat(tally.checks()).isEqualTo(5);
        assertThat(tally.selfConsistency()).isEqualTo(1.0);
    }

    @Test
    void a_labeler_who_always_picks_the_first_shown_contradicts_themself_on_every_repeat() {
        ProjectView p = project(6, 1.0);
        long me = f.account(Role.LABELER);
        for (int i = 0; i < 20; i++) {
            Optional<NextTask> next = assignment.next(p.id(), me);
            if (next.isEmpty()) {
                break;
            }
            NextTask t = next.get();
            submit(me, t, t.presentedOrder(), UUID.randomUUID().toString());
        }
        QualityData.RepeatTally tally = data.repeatTallies(p.id()).get(me);
        assertThat(tally.checks()).isEqualTo(3);
        assertThat(tally.compared()).isEqualTo(3);
        assertThat(tally.selfConsistency()).isEqualTo(0.0);
    }

    @Test
    void a_repeat_is_handed_out_again_until_answered_a_retry_replays_and_a_skip_drops_it() {
        ProjectView p = project(6, 1.0);
        long me = f.account(Role.LABELER);
        for (int i = 0; i < 4; i++) {
            NextTask t = assignment.next(p.id(), me).orElseThrow();
            submit(me, t, byContent(t), UUID.randomUUID().toString());
        }
        NextTask repeat = assignment.next(p.id(), me).orElseThrow();
        assertThat(assignment.next(p.id(), me).orElseThrow().taskId()).isEqualTo(repeat.taskId());
        assertThatThrownBy(() -> judgments.submit(me, new SubmitJudgment(repeat.taskId(), "k-bad",
                repeat.presentedOrder().reversed(), List.of(List.of(repeat.presentedOrder().getFirst()),
                List.of(repeat.presentedOrder().getLast())), null, null, false, null, null, null)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("presentedOrder");

        String key = UUID.randomUUID().toString();
        SubmitResult first = submit(me, repeat, byContent(repeat), key);
        SubmitResult again = submit(me, repeat, byContent(repeat), key);
        assertThat(again.duplicate()).isTrue();
        assertThat(again.judgmentId()).isEqualTo(first.judgmentId());
        assertThatThrownBy(() -> submit(me, repeat, byContent(repeat), UUID.randomUUID().toString()))
                .isInstanceOf(ConflictException.class).hasMessageContaining("already judged");

        NextTask fresh = assignment.next(p.id(), me).orElseThrow(); // the latest three are not repeated yet
        submit(me, fresh, byContent(fresh), UUID.randomUUID().toString());
        NextTask skipped = assignment.next(p.id(), me).orElseThrow();
        assertThat(count("SELECT COUNT(*) FROM repeat_checks WHERE task_id = ? AND labeler_id = ? AND answered_at IS NULL",
                skipped.taskId(), me)).isEqualTo(1);
        assignment.skip(skipped.taskId(), me);
        assertThat(count("SELECT COUNT(*) FROM repeat_checks WHERE task_id = ? AND labeler_id = ?",
                skipped.taskId(), me)).isZero();
        assertThat(data.repeatTallies(p.id()).get(me).checks()).isEqualTo(1);
    }

    /**
     * Twelve careful labelers at once on a project with overlap 3 and every eligible task repeated:
     * repeats never count towards a task's overlap nor make pairs, each (task, labeler) is repeated
     * at most once and only to someone who judged it, and everyone agrees with themself.
     */
    @Test
    void concurrent_labelers_with_repeats_fill_every_task_exactly_and_repeat_only_their_own_judgments()
            throws Exception {
        int tasks = 40;
        int overlap = 3;
        ProjectView p = f.project(2, overlap);
        f.prompts(p.id(), tasks, 2);
        settings.update(p.id(), new QualitySettings(0, 0.7, false, 0.34, 1.0));
        List<Long> labelers = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            labelers.add(f.account(Role.LABELER));
        }
        List<Integer> answered = Concurrently.run(labelers.stream().<java.util.concurrent.Callable<Integer>>map(me -> () -> {
            int n = 0;
            for (Optional<NextTask> t = assignment.next(p.id(), me); t.isPresent() && n < 500;
                 t = assignment.next(p.id(), me)) {
                submit(me, t.get(), byContent(t.get()), UUID.randomUUID().toString());
                n++;
            }
            return n;
        }).toList());

        long repeats = count("SELECT COUNT(*) FROM repeat_checks WHERE project_id = ?", p.id());
        assertThat(answered.stream().mapToLong(Integer::longValue).sum()).isEqualTo(tasks * overlap + repeats);
        assertThat(repeats).isPositive();
        assertThat(count("SELECT COUNT(*) FROM judgments WHERE project_id = ?", p.id())).isEqualTo(tasks * overlap);
        assertThat(count("SELECT COUNT(*) FROM preference_pairs WHERE project_id = ?", p.id())).isEqualTo(tasks * overlap);
        assertThat(count("SELECT COUNT(*) FROM comparison_tasks WHERE project_id = ? AND judgment_count = ? AND completed",
                p.id(), overlap)).isEqualTo(tasks);
        assertThat(count("SELECT COUNT(*) FROM repeat_checks WHERE project_id = ? AND answered_at IS NULL", p.id())).isZero();
        assertThat(count("""
                SELECT COUNT(*) FROM repeat_checks r WHERE r.project_id = ? AND NOT EXISTS (SELECT 1 FROM judgments j
                 WHERE j.id = r.judgment_id AND j.task_id = r.task_id AND j.labeler_id = r.labeler_id)""", p.id()))
                .as("repeats of someone else's judgment").isZero();
        assertThat(data.repeatTallies(p.id()).values())
                .allSatisfy(t -> assertThat(t.selfConsistency()).isEqualTo(1.0));
    }

    /** Ranks the response with the lower id best, whatever the order shown: a labeler who reads. */
    private static List<Long> byContent(NextTask t) {
        return t.presentedOrder().stream().sorted().toList();
    }

    private SubmitResult submit(long labeler, NextTask t, List<Long> bestFirst, String key) {
        return judgments.submit(labeler, new SubmitJudgment(t.taskId(), key, t.presentedOrder(),
                bestFirst.stream().map(List::of).toList(), null, null, false, null, null, null));
    }

    private long count(String sql, Object... params) {
        return jdbc.sql(sql).params(params).query(Long.class).single();
    }
}
