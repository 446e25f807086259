package dev.pairwise.labeling.db;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pairwise.labeling.Fixtures;
import dev.pairwise.labeling.account.Role;
import dev.pairwise.labeling.judgment.JudgmentService;
import dev.pairwise.labeling.judgment.SubmitJudgment;
import dev.pairwise.labeling.judgment.SubmitResult;
import dev.pairwise.labeling.project.ProjectView;
import dev.pairwise.labeling.task.AssignmentService;
import dev.pairwise.labeling.task.NextTask;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Scenarios that only mean something with real concurrent transactions, run against H2 and
 * PostgreSQL by the subclasses. Threads start together on a latch; each service call is its
 * own transaction on its own connection.
 */
abstract class ConcurrencyScenarios {

    @Autowired
    ApplicationContext ctx;
    @Autowired
    AssignmentService assignment;
    @Autowired
    JudgmentService judgments;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Flyway flyway;

    Fixtures f;

    @BeforeEach
    void setUp() {
        f = new Fixtures(ctx);
    }

    @Test
    void migrations_apply_and_the_entities_validate_against_them() {
        assertThat(flyway.info().current().getVersion().getVersion()).isEqualTo(latestMigration());
        assertThat(jdbc.sql("SELECT COUNT(*) FROM preference_pairs").query(Long.class).single()).isNotNegative();
    }

    @Test
    void many_labelers_at_once_never_push_a_task_past_its_overlap_nor_get_a_task_twice() throws Exception {
        int tasks = 6;
        int overlap = 2;
        int labelers = 10;
        ProjectView p = f.project(3, overlap);
        f.prompts(p.id(), tasks, 3);
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < labelers; i++) {
            ids.add(f.account(Role.LABELER));
        }
        List<Integer> done = Concurrently.run(ids.stream().<Callable<Integer>>map(me -> () -> {
            int n = 0;
            for (Optional<NextTask> t = assignment.next(p.id(), me); t.isPresent(); t = assignment.next(p.id(), me)) {
                submit(me, t.get(), UUID.randomUUID().toString());
                n++;
            }
            return n;
        }).toList());

        assertThat(done.stream().mapToInt(Integer::intValue).sum()).isEqualTo(tasks * overlap);
        List<Long> perTask = jdbc.sql("""
                        SELECT COUNT(j.id) FROM comparison_tasks t LEFT JOIN judgments j ON j.task_id = t.id
                         WHERE t.project_id = ? GROUP BY t.id""").param(p.id()).query(Long.class).list();
        assertThat(perTask).hasSize(tasks).allMatch(n -> n == overlap);
        assertThat(jdbc.sql("""
                        SELECT COUNT(*) FROM (SELECT task_id, labeler_id FROM assignments a
                          JOIN comparison_tasks t ON t.id = a.task_id WHERE t.project_id = ?
                         GROUP BY task_id, labeler_id HAVING COUNT(*) > 1) d""")
                .param(p.id()).query(Long.class).single()).isZero();
    }

    @Test
    void simultaneous_requests_lease_each_task_at_most_overlap_times() throws Exception {
        int tasks = 3;
        int overlap = 2;
        ProjectView p = f.project(2, overlap);
        f.prompts(p.id(), tasks, 2);
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            ids.add(f.account(Role.LABELER));
        }
        List<Optional<NextTask>> got = Concurrently.run(ids.stream()
                .<Callable<Optional<NextTask>>>map(me -> () -> assignment.next(p.id(), me)).toList());
        assertThat(got.stream().filter(Optional::isPresent)).hasSize(tasks * overlap);
        assertThat(jdbc.sql("""
                        SELECT MAX(n) FROM (SELECT COUNT(*) AS n FROM assignments a
                          JOIN comparison_tasks t ON t.id = a.task_id WHERE t.project_id = ? GROUP BY a.task_id) c""")
                .param(p.id()).query(Long.class).single()).isEqualTo(overlap);
    }

    @Test
    void the_same_submit_sent_many_times_at_once_stores_one_judgment() throws Exception {
        ProjectView p = f.project(4, 1);
        f.prompts(p.id(), 1, 4);
        long me = f.account(Role.LABELER);
        NextTask t = assignment.next(p.id(), me).orElseThrow();
        String key = UUID.randomUUID().toString();
        List<SubmitResult> results = Concurrently.run(java.util.stream.IntStream.range(0, 8)
                .<Callable<SubmitResult>>mapToObj(i -> () -> submit(me, t, key)).toList());
        assertThat(results.stream().map(SubmitResult::judgmentId).distinct()).hasSize(1);
        assertThat(results.stream().filter(r -> !r.duplicate())).hasSize(1);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM judgments WHERE task_id = ?").param(t.taskId())
                .query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM preference_pairs WHERE project_id = ?").param(p.id())
                .query(Long.class).single()).isEqualTo(6);
    }

    private SubmitResult submit(long labeler, NextTask t, String key) {
        return judgments.submit(labeler, new SubmitJudgment(t.taskId(), key, t.presentedOrder(),
                t.presentedOrder().stream().map(List::of).toList(), Map.of(), Map.of(), false, null, null, 10L));
    }

    /** The highest V&lt;n&gt; among the migration files: the schema must be fully migrated. */
    private String latestMigration() {
        return java.util.Arrays.stream(flyway.info().all())
                .map(i -> i.getVersion().getVersion())
                .max(java.util.Comparator.comparingInt(Integer::parseInt)).orElseThrow();
    }
}
