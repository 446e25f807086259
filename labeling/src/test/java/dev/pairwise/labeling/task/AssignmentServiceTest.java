package dev.pairwise.labeling.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pairwise.labeling.ConflictException;
import dev.pairwise.labeling.Fixtures;
import dev.pairwise.labeling.H2Test;
import dev.pairwise.labeling.MutableClock;
import dev.pairwise.labeling.NotFoundException;
import dev.pairwise.labeling.account.Role;
import dev.pairwise.labeling.judgment.JudgmentService;
import dev.pairwise.labeling.judgment.SubmitJudgment;
import dev.pairwise.labeling.project.ProjectView;
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

@H2Test
class AssignmentServiceTest {

    @Autowired
    ApplicationContext ctx;
    @Autowired
    AssignmentService assignment;
    @Autowired
    JudgmentService judgments;
    @Autowired
    MutableClock clock;

    Fixtures f;

    @BeforeEach
    void setUp() {
        f = new Fixtures(ctx);
    }

    @Test
    void asking_again_returns_the_task_already_held_with_the_same_order() {
        ProjectView p = f.project(4, 1);
        f.prompts(p.id(), 3, 4);
        long alice = f.account(Role.LABELER);
        NextTask first = assignment.next(p.id(), alice).orElseThrow();
        NextTask again = assignment.next(p.id(), alice).orElseThrow();
        assertThat(again.taskId()).isEqualTo(first.taskId());
        assertThat(again.presentedOrder()).isEqualTo(first.presentedOrder());
        assertThat(first.responses()).extracting(ShownResponse::id).isEqualTo(first.presentedOrder());
        assertThat(first.guidelines()).contains("helpful");
    }

    @Test
    void a_task_is_never_handed_out_past_its_overlap() {
        ProjectView p = f.project(2, 2);
        f.prompts(p.id(), 1, 2);
        long a = f.account(Role.LABELER);
        long b = f.account(Role.LABELER);
        long c = f.account(Role.LABELER);
        assertThat(assignment.next(p.id(), a)).isPresent();
        assertThat(assignment.next(p.id(), b)).isPresent();
        assertThat(assignment.next(p.id(), c)).isEmpty();
    }

    @Test
    void a_labeler_never_gets_a_task_they_judged_again() {
        ProjectView p = f.project(2, 3);
        f.prompts(p.id(), 2, 2);
        long a = f.account(Role.LABELER);
        NextTask t1 = assignment.next(p.id(), a).orElseThrow();
        submit(a, t1);
        NextTask t2 = assignment.next(p.id(), a).orElseThrow();
        assertThat(t2.taskId()).isNotEqualTo(t1.taskId());
        submit(a, t2);
        assertThat(assignment.next(p.id(), a)).isEmpty();
    }

    @Test
    void skipped_tasks_come_back_after_every_other_open_task_oldest_skip_first_in_the_order_shown() {
        ProjectView p = f.project(4, 1);
        f.prompts(p.id(), 3, 4);
        long a = f.account(Role.LABELER);
        NextTask first = assignment.next(p.id(), a).orElseThrow();
        assignment.skip(first.taskId(), a);
        NextTask second = assignment.next(p.id(), a).orElseThrow();
        assignment.skip(second.taskId(), a);
        NextTask third = assignment.next(p.id(), a).orElseThrow();
        assertThat(Set.of(first.taskId(), second.taskId(), third.taskId())).hasSize(3);
        assertThatThrownBy(() -> submit(a, first)).as("a skipped task is not held")
                .isInstanceOf(ConflictException.class).hasMessageContaining("skipped");
        submit(a, third);

        NextTask back = assignment.next(p.id(), a).orElseThrow();
        assertThat(back.taskId()).isEqualTo(first.taskId());
        assertThat(back.presentedOrder()).isEqualTo(first.presentedOrder());
        assertThat(assignment.next(p.id(), a).orElseThrow().taskId()).as("held again").isEqualTo(first.taskId());
        submit(a, back);
        NextTask last = assignment.next(p.id(), a).orElseThrow();
        assertThat(last.taskId()).isEqualTo(second.taskId());
        assignment.skip(last.taskId(), a);
        assertThat(assignment.next(p.id(), a).orElseThrow().taskId()).as("skipped again, and the only one left")
                .isEqualTo(second.taskId());
        submit(a, assignment.next(p.id(), a).orElseThrow());
        assertThat(assignment.next(p.id(), a)).isEmpty();
    }

    @Test
    void the_last_skip_is_undone_and_the_task_shown_after_it_returns_to_its_place() {
        ProjectView p = f.project(2, 1);
        f.prompts(p.id(), 3, 2);
        long a = f.account(Role.LABELER);
        assertThatThrownBy(() -> assignment.undoLastSkip(p.id(), a)).isInstanceOf(NotFoundException.class)
                .hasMessageContaining("no skipped task");
        NextTask first = assignment.next(p.id(), a).orElseThrow();
        assignment.skip(first.taskId(), a);
        NextTask second = assignment.next(p.id(), a).orElseThrow();

        NextTask undone = assignment.undoLastSkip(p.id(), a);
        assertThat(undone.taskId()).isEqualTo(first.taskId());
        assertThat(undone.presentedOrder()).isEqualTo(first.presentedOrder());
        assertThat(assignment.next(p.id(), a).orElseThrow().taskId()).isEqualTo(first.taskId());
        submit(a, undone);
        assertThat(assignment.next(p.id(), a).orElseThrow().taskId())
                .as("the task shown after the skip is not lost to its labeler").isEqualTo(second.taskId());
        assertThatThrownBy(() -> assignment.undoLastSkip(p.id(), a)).as("nothing skipped any more")
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void a_skipped_task_others_filled_meanwhile_neither_comes_back_nor_can_be_undone() {
        ProjectView p = f.project(2, 1);
        f.prompts(p.id(), 1, 2);
        long a = f.account(Role.LABELER);
        long b = f.account(Role.LABELER);
        NextTask t = assignment.next(p.id(), a).orElseThrow();
        assertThat(assignment.next(p.id(), b)).as("held by a").isEmpty();
        assignment.skip(t.taskId(), a);
        submit(b, assignment.next(p.id(), b).orElseThrow());

        assertThat(assignment.next(p.id(), a)).isEmpty();
        assertThatThrownBy(() -> assignment.undoLastSkip(p.id(), a)).isInstanceOf(ConflictException.class)
                .hasMessageContaining("cannot come back");
    }

    @Test
    void a_task_taken_back_from_the_skips_holds_a_slot_like_any_lease() {
        ProjectView p = f.project(2, 1);
        f.prompts(p.id(), 1, 2);
        long a = f.account(Role.LABELER);
        long b = f.account(Role.LABELER);
        NextTask t = assignment.next(p.id(), a).orElseThrow();
        assignment.skip(t.taskId(), a);
        assertThat(assignment.next(p.id(), a).orElseThrow().taskId()).isEqualTo(t.taskId());
        assertThat(assignment.next(p.id(), b)).as("the only slot is a's again").isEmpty();
        assertThatThrownBy(() -> assignment.skip(t.taskId(), b)).isInstanceOf(NotFoundException.class);
    }

    @Test
    void an_expired_lease_returns_the_task_to_the_pool() {
        ProjectView p = f.project(2, 1);
        f.prompts(p.id(), 1, 2);
        long slow = f.account(Role.LABELER);
        long other = f.account(Role.LABELER);
        NextTask held = assignment.next(p.id(), slow).orElseThrow();
        assertThat(assignment.next(p.id(), other)).isEmpty();
        clock.advance(Duration.ofMinutes(31));
        NextTask freed = assignment.next(p.id(), other).orElseThrow();
        assertThat(freed.taskId()).isEqualTo(held.taskId());
        submit(other, freed);
        // the slow labeler's late submit would overfill the task: refused
        assertThatThrownBy(() -> submit(slow, held)).isInstanceOf(ConflictException.class)
                .hasMessageContaining("ran out");
    }

    @Test
    void a_late_submit_is_accepted_while_the_task_still_has_room() {
        ProjectView p = f.project(2, 1);
        f.prompts(p.id(), 1, 2);
        long slow = f.account(Role.LABELER);
        NextTask held = assignment.next(p.id(), slow).orElseThrow();
        clock.advance(Duration.ofMinutes(45));
        assertThat(submit(slow, held)).isPositive();
    }

    @Test
    void randomized_order_varies_while_fixed_order_keeps_the_stored_order() {
        ProjectView shuffled = f.project(4, 40);
        List<AddedPrompt> added = f.prompts(shuffled.id(), 1, 4);
        Set<List<Long>> orders = new HashSet<>();
        for (int i = 0; i < 30; i++) {
            orders.add(assignment.next(shuffled.id(), f.account(Role.LABELER)).orElseThrow().presentedOrder());
        }
        assertThat(orders.size()).isGreaterThan(1);

        ProjectView fixed = f.project(new dev.pairwise.labeling.project.ProjectSettings(
                Fixtures.unique("fixed"), "", 4, 1, false, false, 30));
        List<AddedPrompt> inFixed = f.prompts(fixed.id(), 1, 4);
        assertThat(assignment.next(fixed.id(), f.account(Role.LABELER)).orElseThrow().presentedOrder())
                .isEqualTo(inFixed.getFirst().responseIds());
        assertThat(added).hasSize(1);
    }

    @Test
    void unknown_project_is_reported_by_field() {
        long a = f.account(Role.LABELER);
        assertThatThrownBy(() -> assignment.next(987654321L, a)).isInstanceOf(NotFoundException.class)
                .extracting(e -> ((NotFoundException) e).field()).isEqualTo("projectId");
    }

    private long submit(long labeler, NextTask t) {
        return judgments.submit(labeler, new SubmitJudgment(t.taskId(), UUID.randomUUID().toString(),
                t.presentedOrder(), t.presentedOrder().stream().map(List::of).toList(), Map.of(), Map.of(),
                false, null, null, 1000L)).judgmentId();
    }
}
