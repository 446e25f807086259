package dev.pairwise.labeling.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pairwise.labeling.ConflictException;
import dev.pairwise.labeling.Fixtures;
import dev.pairwise.labeling.MutableClock;
import dev.pairwise.labeling.account.Role;
import dev.pairwise.labeling.judgment.JudgmentService;
import dev.pairwise.labeling.judgment.SubmitJudgment;
import dev.pairwise.labeling.project.ProjectService;
import dev.pairwise.labeling.project.ProjectSettings;
import dev.pairwise.labeling.project.ProjectView;
import dev.pairwise.labeling.task.AssignmentService;
import dev.pairwise.labeling.task.NextTask;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Assignment under real concurrent transactions (issue 9), run on H2 and PostgreSQL by the
 * subclasses: many labelers drive a project to done; leases expire and are released.
 *
 * <p>"No empty answer while assignable work remains" is checked exactly when it fails: a labeler
 * that gets an empty answer stops the others at their next call (a write lock over every
 * service call) and asks the database, by an independent query that counts the judgments
 * themselves, whether some task was still open to it. In these runs nothing makes a task more
 * available over time (no skips, no expiry, no release), so a task open after the pause was open
 * when the empty answer was given.
 */
abstract class AssignmentScenarios {

    @Autowired
    ApplicationContext ctx;
    @Autowired
    AssignmentService assignment;
    @Autowired
    JudgmentService judgments;
    @Autowired
    ProjectService projects;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MutableClock clock;

    Fixtures f;

    @BeforeEach
    void setUp() {
        f = new Fixtures(ctx);
    }

    @ParameterizedTest(name = "overlap {0}")
    @ValueSource(ints = {1, 3})
    void labelers_drive_a_project_to_done_without_an_empty_answer_while_work_remains(int overlap) throws Exception {
        int labelers = 24;
        int tasks = overlap == 1 ? 150 : 50;
        ProjectView p = f.project(2, overlap);
        f.prompts(p.id(), tasks, 2);
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < labelers; i++) {
            ids.add(f.account(Role.LABELER));
        }
        ReadWriteLock world = new ReentrantReadWriteLock();
        AtomicInteger falseEmpty = new AtomicInteger();
        AtomicInteger trueEmpty = new AtomicInteger();
        List<List<Long>> judgedBy = Concurrently.run(ids.stream().<Callable<List<Long>>>map(me -> () -> {
            List<Long> mine = new ArrayList<>();
            while (true) {
                Optional<NextTask> t;
                world.readLock().lock();
                try {
                    t = assignment.next(p.id(), me);
                    if (t.isPresent()) {
                        submit(me, t.get());
                        mine.add(t.get().taskId());
                    }
                } finally {
                    world.readLock().unlock();
                }
                if (t.isEmpty()) {
                    world.writeLock().lock();
                    try {
                        (openFor(p.id(), me, overlap) > 0 ? falseEmpty : trueEmpty).incrementAndGet();
                    } finally {
                        world.writeLock().unlock();
                    }
                    return mine;
                }
            }
        }).toList());

        assertThat(falseEmpty).as("empty answers while a task was open to the labeler").hasValue(0);
        assertThat(trueEmpty).hasValue(labelers);
        for (List<Long> mine : judgedBy) {
            assertThat(mine).as("a labeler never gets a task twice").doesNotHaveDuplicates();
        }
        assertThat(judgedBy.stream().mapToInt(List::size).sum()).isEqualTo(tasks * overlap);
        List<long[]> perTask = jdbc.sql("""
                        SELECT t.judgment_count, (SELECT COUNT(*) FROM judgments j WHERE j.task_id = t.id),
                               CASE WHEN t.completed THEN 1 ELSE 0 END
                          FROM comparison_tasks t WHERE t.project_id = ?""")
                .param(p.id()).query((rs, i) -> new long[]{rs.getLong(1), rs.getLong(2), rs.getLong(3)}).list();
        assertThat(perTask).hasSize(tasks).allSatisfy(row -> {
            assertThat(row[1]).as("judgments per task").isEqualTo(overlap);
            assertThat(row[0]).as("the task's judgment_count").isEqualTo(overlap);
            assertThat(row[2]).as("completed").isEqualTo(1);
        });
    }

    /**
     * Skips under concurrency: every labeler must judge every task (overlap = labelers), skips
     * about a third of the tasks the first time it sees them (some twice), and takes some skips
     * back at once. Others never fill a task a labeler still needs, so an empty answer before a
     * labeler judged them all is wrong, and the project can only be done if every skipped task
     * came back to whoever skipped it.
     */
    @Test
    void skipped_tasks_come_back_to_their_labelers_while_others_label_at_the_same_time() throws Exception {
        int labelers = 8;
        int tasks = 20;
        ProjectView p = f.project(2, labelers);
        f.prompts(p.id(), tasks, 2);
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < labelers; i++) {
            ids.add(f.account(Role.LABELER));
        }
        AtomicInteger skipsMade = new AtomicInteger();
        AtomicInteger undone = new AtomicInteger();
        List<List<Long>> judgedBy = Concurrently.run(ids.stream().<Callable<List<Long>>>map(me -> () -> {
            List<Long> mine = new ArrayList<>();
            Map<Long, Integer> seen = new java.util.HashMap<>();
            for (Optional<NextTask> t = assignment.next(p.id(), me); t.isPresent(); t = assignment.next(p.id(), me)) {
                long task = t.get().taskId();
                int times = seen.merge(task, 1, Integer::sum);
                boolean skipIt = (task + me) % 3 == 0 && (times == 1 || ((task + me) % 2 == 0 && times == 2));
                if (skipIt) {
                    assignment.skip(task, me);
                    skipsMade.incrementAndGet();
                    if ((task * 7 + me) % 5 == 0) {
                        NextTask back = assignment.undoLastSkip(p.id(), me);
                        assertThat(back.taskId()).isEqualTo(task);
                        undone.incrementAndGet();
                        submit(me, back);
                        mine.add(task);
                    }
                    continue;
                }
                submit(me, t.get());
                mine.add(task);
            }
            return mine;
        }).toList());

        assertThat(skipsMade.get()).as("the scenario skips").isGreaterThan(labelers * tasks / 5);
        assertThat(undone.get()).as("the scenario takes skips back").isPositive();
        for (List<Long> mine : judgedBy) {
            assertThat(mine).as("every labeler judged every task, once, before an empty answer")
                    .doesNotHaveDuplicates().hasSize(tasks);
        }
        assertThat(maxJudgmentsPerTask(p.id())).isEqualTo(labelers);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM comparison_tasks WHERE project_id = ? AND completed = TRUE")
                .param(p.id()).query(Long.class).single()).isEqualTo(tasks);
        assertThat(jdbc.sql("""
                        SELECT COUNT(*) FROM assignments a JOIN comparison_tasks t ON t.id = a.task_id
                         WHERE t.project_id = ? AND a.status <> 'SUBMITTED'""")
                .param(p.id()).query(Long.class).single()).as("no lease or skip left over").isZero();
    }

    @Test
    void an_expired_lease_frees_its_slot_and_a_late_submit_is_refused_once_the_task_went_to_someone_else()
            throws Exception {
        int tasks = 12;
        ProjectView p = f.project(2, 1);
        f.prompts(p.id(), tasks, 2);
        List<Long> gone = new ArrayList<>();
        List<NextTask> abandoned = new ArrayList<>();
        for (int i = 0; i < tasks; i++) {
            long me = f.account(Role.LABELER);
            gone.add(me);
            abandoned.add(assignment.next(p.id(), me).orElseThrow());
        }
        long late = f.account(Role.LABELER);
        assertThat(assignment.next(p.id(), late)).as("every task is leased").isEmpty();

        clock.advance(Duration.ofMinutes(p.leaseMinutes() + 1));
        List<Long> fresh = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            fresh.add(f.account(Role.LABELER));
        }
        List<Integer> done = Concurrently.run(fresh.stream().<Callable<Integer>>map(me -> () -> {
            int n = 0;
            for (Optional<NextTask> t = assignment.next(p.id(), me); t.isPresent(); t = assignment.next(p.id(), me)) {
                submit(me, t.get());
                n++;
            }
            return n;
        }).toList());
        assertThat(done.stream().mapToInt(Integer::intValue).sum()).isEqualTo(tasks);
        for (int i = 0; i < tasks; i++) {
            NextTask t = abandoned.get(i);
            long me = gone.get(i);
            assertThatThrownBy(() -> submit(me, t)).isInstanceOf(ConflictException.class).hasMessageContaining("ran out");
        }
        assertThat(maxJudgmentsPerTask(p.id())).isEqualTo(1);
    }

    @Test
    void released_leases_free_their_tasks_at_once_and_are_not_offered_to_the_same_labeler_again() {
        ProjectView p = f.project(2, 1);
        f.prompts(p.id(), 2, 2);
        ProjectView other = f.project(2, 1);
        f.prompts(other.id(), 1, 2);
        long leaving = f.account(Role.LABELER);
        long staying = f.account(Role.LABELER);
        NextTask held = assignment.next(p.id(), leaving).orElseThrow();
        assignment.next(other.id(), leaving).orElseThrow();
        NextTask second = assignment.next(p.id(), staying).orElseThrow();
        submit(staying, second);
        assertThat(assignment.next(p.id(), staying)).as("the only other task is leased").isEmpty();

        assertThat(assignment.releaseLeases(leaving)).as("one lease in each project").isEqualTo(2);
        assertThat(assignment.releaseLeases(leaving)).as("nothing left to release").isZero();

        assertThat(assignment.next(p.id(), staying)).map(NextTask::taskId).contains(held.taskId());
        assertThat(assignment.next(p.id(), leaving)).as("never the same task twice").isEmpty();
    }

    @Test
    void a_skipped_task_goes_to_another_labeler_at_once() {
        ProjectView p = f.project(2, 1);
        f.prompts(p.id(), 1, 2);
        long skipping = f.account(Role.LABELER);
        long other = f.account(Role.LABELER);
        NextTask t = assignment.next(p.id(), skipping).orElseThrow();
        assertThat(assignment.next(p.id(), other)).as("the only task is leased").isEmpty();

        assignment.skip(t.taskId(), skipping);

        assertThat(assignment.next(p.id(), other)).map(NextTask::taskId).contains(t.taskId());
    }

    @Test
    void raising_the_overlap_reopens_completed_tasks_and_lowering_it_completes_them() {
        ProjectView p = f.project(2, 1);
        f.prompts(p.id(), 1, 2);
        long a = f.account(Role.LABELER);
        long b = f.account(Role.LABELER);
        submit(a, assignment.next(p.id(), a).orElseThrow());
        assertThat(assignment.next(p.id(), b)).isEmpty();

        projects.update(p.id(), settings(p, 2));
        NextTask again = assignment.next(p.id(), b).orElseThrow();
        submit(b, again);
        assertThat(maxJudgmentsPerTask(p.id())).isEqualTo(2);

        projects.update(p.id(), settings(p, 3));
        projects.update(p.id(), settings(p, 2));
        assertThat(assignment.next(p.id(), f.account(Role.LABELER))).as("done again at overlap 2").isEmpty();
    }

    private static ProjectSettings settings(ProjectView p, int overlap) {
        return new ProjectSettings(p.name(), p.guidelines(), p.k(), overlap, p.randomizeOrder(),
                p.labelersMayWriteDemos(), p.leaseMinutes());
    }

    /**
     * Tasks of the project the labeler could be given now, counted from the judgments and leases
     * themselves (not from the tasks' judgment_count or completed flag).
     */
    private long openFor(long projectId, long labelerId, int overlap) {
        return jdbc.sql("""
                        SELECT COUNT(*) FROM comparison_tasks t
                         WHERE t.project_id = ?
                           AND NOT EXISTS (SELECT 1 FROM assignments m WHERE m.task_id = t.id AND m.labeler_id = ?)
                           AND (SELECT COUNT(*) FROM judgments j WHERE j.task_id = t.id)
                             + (SELECT COUNT(*) FROM assignments a WHERE a.task_id = t.id
                                   AND a.status = 'ACTIVE' AND a.expires_at > ?) < ?""")
                .params(projectId, labelerId, clock.instant().atOffset(ZoneOffset.UTC), overlap)
                .query(Long.class).single();
    }

    private long maxJudgmentsPerTask(long projectId) {
        return jdbc.sql("""
                        SELECT MAX(n) FROM (SELECT COUNT(*) AS n FROM judgments j
                          JOIN comparison_tasks t ON t.id = j.task_id WHERE t.project_id = ? GROUP BY j.task_id) c""")
                .param(projectId).query(Long.class).single();
    }

    private void submit(long labeler, NextTask t) {
        judgments.submit(labeler, new SubmitJudgment(t.taskId(), UUID.randomUUID().toString(), t.presentedOrder(),
                t.presentedOrder().stream().map(List::of).toList(), Map.of(), Map.of(), false, null, null, 10L));
    }
}
