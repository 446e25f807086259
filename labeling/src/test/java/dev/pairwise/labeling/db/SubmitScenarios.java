package dev.pairwise.labeling.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pairwise.labeling.ConflictException;
import dev.pairwise.labeling.Fixtures;
import dev.pairwise.labeling.InvalidInputException;
import dev.pairwise.labeling.MutableClock;
import dev.pairwise.labeling.NotAllowedException;
import dev.pairwise.labeling.account.Role;
import dev.pairwise.labeling.judgment.JudgmentService;
import dev.pairwise.labeling.judgment.ResponseFlag;
import dev.pairwise.labeling.judgment.SubmitJudgment;
import dev.pairwise.labeling.judgment.SubmitResult;
import dev.pairwise.labeling.project.ProjectView;
import dev.pairwise.labeling.quality.Pauses;
import dev.pairwise.labeling.task.AssignmentService;
import dev.pairwise.labeling.task.NextTask;
import dev.pairwise.labeling.task.ShownResponse;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What {@code tasks/next} and a submit answer, case by case, on H2 and PostgreSQL by the
 * subclasses. On PostgreSQL the common case is one database call (migration V21) and every other
 * case falls back to the Java path: these pin down that both give the same answers and store
 * the same rows — a held lease shown again unchanged, a replay, a key of someone else's, an order
 * that differs, ratings, time on task from the lease, a lease that ran out, a skipped task, a
 * paused labeler.
 */
abstract class SubmitScenarios {

    @Autowired
    ApplicationContext ctx;
    @Autowired
    AssignmentService assignment;
    @Autowired
    JudgmentService judgments;
    @Autowired
    Pauses pauses;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MutableClock clock;

    Fixtures f;

    @BeforeEach
    void setUp() {
        f = new Fixtures(ctx);
    }

    @Test
    void a_held_lease_comes_back_unchanged_with_the_task_content_in_the_order_shown() {
        ProjectView p = f.project(4, 1); // randomized order
        f.prompts(p.id(), 1, 4);
        long me = f.account(Role.LABELER);
        NextTask first = assignment.next(p.id(), me).orElseThrow();
        NextTask again = assignment.next(p.id(), me).orElseThrow();

        assertThat(again).isEqualTo(first);
        assertThat(first.responses()).extracting(ShownResponse::id).containsExactlyElementsOf(first.presentedOrder());
        assertThat(new HashSet<>(first.presentedOrder())).isEqualTo(new HashSet<>(jdbc.sql(
                "SELECT response_id FROM task_responses WHERE task_id = ?").param(first.taskId()).query(Long.class).list()));
        for (ShownResponse r : first.responses()) {
            assertThat(r.text()).isEqualTo(jdbc.sql("SELECT text FROM responses WHERE id = ?").param(r.id())
                    .query(String.class).single());
        }
        assertThat(first.prompt()).isEqualTo(jdbc.sql("SELECT text FROM prompts WHERE id = ?").param(first.promptId())
                .query(String.class).single());
        assertThat(first.leaseExpiresAt()).isEqualTo(first.leasedAt().plus(Duration.ofMinutes(p.leaseMinutes())));
    }

    @Test
    void a_submit_stores_its_rows_once_and_a_retry_with_its_key_replays_it() {
        ProjectView p = f.project(3, 1);
        f.prompts(p.id(), 1, 3);
        long me = f.account(Role.LABELER);
        NextTask t = assignment.next(p.id(), me).orElseThrow();
        List<Long> o = t.presentedOrder();
        String key = UUID.randomUUID().toString();
        SubmitJudgment in = new SubmitJudgment(t.taskId(), key, o, List.of(List.of(o.get(0)), List.of(o.get(1), o.get(2))),
                Map.of(o.get(0), 6), Map.of(o.get(2), Set.of(ResponseFlag.HARMFUL, ResponseFlag.LOW_QUALITY)), false,
                null, "  first is best ", null);
        clock.advance(Duration.ofMillis(4321));

        SubmitResult stored = judgments.submit(me, in);
        SubmitResult replayed = judgments.submit(me, in);

        assertThat(stored.pairs()).isEqualTo(2);
        assertThat(stored.duplicate()).isFalse();
        assertThat(replayed).isEqualTo(new SubmitResult(stored.judgmentId(), 2, null, true));
        assertThat(jdbc.sql("""
                        SELECT tiers || '/' || presented_order || '/' || rationale || '/' || time_on_task_ms || '/'
                               || source || '/' || all_bad
                          FROM judgments WHERE id = ?""").param(stored.judgmentId()).query(String.class).single())
                .isEqualToIgnoringCase(o.get(0) + ";" + o.get(1) + "," + o.get(2) + "/" + o.get(0) + "," + o.get(1)
                        + "," + o.get(2) + "/  first is best /4321/labeler/false"); // H2 spells it FALSE
        assertThat(jdbc.sql("""
                        SELECT chosen_response_id || '>' || rejected_response_id || ':' || margin FROM preference_pairs
                         WHERE judgment_id = ? ORDER BY id""").param(stored.judgmentId()).query(String.class).list())
                .containsExactly(o.get(0) + ">" + o.get(1) + ":1", o.get(0) + ">" + o.get(2) + ":1");
        assertThat(jdbc.sql("""
                        SELECT response_id || ':' || COALESCE(CAST(likert AS VARCHAR), '-') || ':' || flags
                          FROM response_ratings WHERE judgment_id = ? ORDER BY response_id""")
                .param(stored.judgmentId()).query(String.class).list())
                .containsExactlyInAnyOrder(o.get(0) + ":6:", o.get(2) + ":-:HARMFUL,LOW_QUALITY");
        assertThat(jdbc.sql("SELECT status FROM assignments WHERE task_id = ? AND labeler_id = ?")
                .params(t.taskId(), me).query(String.class).single()).isEqualTo("SUBMITTED");
        assertThat(jdbc.sql("SELECT judgment_count || '/' || completed FROM comparison_tasks WHERE id = ?")
                .param(t.taskId()).query(String.class).single()).isEqualToIgnoringCase("1/true");

        assertThatThrownBy(() -> judgments.submit(me, new SubmitJudgment(t.taskId(), UUID.randomUUID().toString(), o,
                o.stream().map(List::of).toList(), Map.of(), Map.of(), false, null, null, 5L)))
                .isInstanceOf(ConflictException.class).hasMessageContaining("already judged");
    }

    @Test
    void without_a_client_time_the_time_on_task_is_the_lease_age() {
        ProjectView p = f.project(2, 1);
        f.prompts(p.id(), 1, 2);
        long me = f.account(Role.LABELER);
        NextTask t = assignment.next(p.id(), me).orElseThrow();
        clock.advance(Duration.ofSeconds(7).plusMillis(250));

        long id = judgments.submit(me, judgment(t, UUID.randomUUID().toString(), null)).judgmentId();

        assertThat(jdbc.sql("SELECT time_on_task_ms FROM judgments WHERE id = ?").param(id).query(Long.class).single())
                .isEqualTo(7250);
    }

    @Test
    void a_key_of_someone_else_an_order_that_differs_and_a_task_not_held_are_refused_and_store_nothing() {
        ProjectView p = f.project(2, 1);
        f.prompts(p.id(), 2, 2);
        long me = f.account(Role.LABELER);
        long other = f.account(Role.LABELER);
        NextTask mine = assignment.next(p.id(), me).orElseThrow();
        NextTask theirs = assignment.next(p.id(), other).orElseThrow();
        String key = UUID.randomUUID().toString();
        judgments.submit(other, judgment(theirs, key, 10L));

        assertThatThrownBy(() -> judgments.submit(me, judgment(mine, key, 10L)))
                .isInstanceOf(ConflictException.class).hasMessageContaining("another submission");
        List<Long> reversed = mine.presentedOrder().reversed();
        assertThatThrownBy(() -> judgments.submit(me, new SubmitJudgment(mine.taskId(), UUID.randomUUID().toString(),
                reversed, reversed.stream().map(List::of).toList(), Map.of(), Map.of(), false, null, null, 10L)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("differs from the order");
        assertThatThrownBy(() -> judgments.submit(other, judgment(mine, UUID.randomUUID().toString(), 10L)))
                .isInstanceOf(ConflictException.class).hasMessageContaining("not assigned to you");

        assertThat(jdbc.sql("SELECT COUNT(*) FROM judgments WHERE task_id = ?").param(mine.taskId())
                .query(Long.class).single()).isZero();
        assertThat(judgments.submit(me, judgment(mine, UUID.randomUUID().toString(), 10L)).duplicate()).isFalse();
    }

    @Test
    void a_lease_that_ran_out_is_still_judged_while_its_task_has_room_and_a_skipped_one_is_not() {
        ProjectView p = f.project(2, 1);
        f.prompts(p.id(), 2, 2);
        long me = f.account(Role.LABELER);
        NextTask late = assignment.next(p.id(), me).orElseThrow();
        clock.advance(Duration.ofMinutes(p.leaseMinutes() + 1));

        assertThat(judgments.submit(me, judgment(late, UUID.randomUUID().toString(), 10L)).duplicate()).isFalse();

        NextTask skipped = assignment.next(p.id(), me).orElseThrow();
        assignment.skip(skipped.taskId(), me);
        assertThatThrownBy(() -> judgments.submit(me, judgment(skipped, UUID.randomUUID().toString(), 10L)))
                .isInstanceOf(ConflictException.class).hasMessageContaining("you skipped task");
        assertThat(assignment.next(p.id(), me)).as("the skipped task comes back").map(NextTask::taskId)
                .contains(skipped.taskId());
    }

    @Test
    void a_paused_labeler_gets_nothing_and_an_unknown_one_is_not_found() {
        ProjectView p = f.project(2, 1);
        f.prompts(p.id(), 1, 2);
        long me = f.account(Role.LABELER);
        pauses.pause(p.id(), me, "gold accuracy 0.40");

        assertThatThrownBy(() -> assignment.next(p.id(), me)).isInstanceOf(NotAllowedException.class)
                .hasMessageContaining("gold accuracy 0.40");
        assertThatThrownBy(() -> assignment.next(p.id(), Long.MAX_VALUE))
                .hasMessageContaining(String.valueOf(Long.MAX_VALUE));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM assignments a JOIN comparison_tasks t ON t.id = a.task_id"
                + " WHERE t.project_id = ?").param(p.id()).query(Long.class).single()).isZero();
    }

    private static SubmitJudgment judgment(NextTask t, String key, Long timeOnTaskMs) {
        return new SubmitJudgment(t.taskId(), key, t.presentedOrder(), t.presentedOrder().stream().map(List::of).toList(),
                Map.of(), Map.of(), false, null, null, timeOnTaskMs);
    }
}
