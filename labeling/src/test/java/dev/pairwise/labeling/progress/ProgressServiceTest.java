package dev.pairwise.labeling.progress;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pairwise.labeling.Fixtures;
import dev.pairwise.labeling.H2Test;
import dev.pairwise.labeling.account.Role;
import dev.pairwise.labeling.judgment.JudgmentService;
import dev.pairwise.labeling.judgment.SubmitJudgment;
import dev.pairwise.labeling.project.ProjectView;
import dev.pairwise.labeling.task.AssignmentService;
import dev.pairwise.labeling.task.NextTask;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

@H2Test
class ProgressServiceTest {

    @Autowired
    ApplicationContext ctx;
    @Autowired
    ProgressService progress;
    @Autowired
    AssignmentService assignment;
    @Autowired
    JudgmentService judgments;

    @Test
    void progress_counts_done_tasks_judgments_per_labeler_and_median_time() {
        Fixtures f = new Fixtures(ctx);
        ProjectView p = f.project(2, 2);
        f.prompts(p.id(), 3, 2);
        long a = f.account(Role.LABELER);
        long b = f.account(Role.LABELER);
        judge(p, a, 1000L);
        judge(p, a, 3000L);
        judge(p, a, 8000L);
        judge(p, b, 500L);
        assignment.next(p.id(), b); // held, not judged

        ProjectProgress pr = progress.progress(p.id());
        assertThat(pr.tasks()).isEqualTo(3);
        assertThat(pr.judgmentsWanted()).isEqualTo(6);
        assertThat(pr.judgments()).isEqualTo(4);
        assertThat(pr.tasksDone()).isEqualTo(1); // b judged the first task a judged too
        assertThat(pr.pairs()).isEqualTo(4);
        assertThat(pr.activeLeases()).isEqualTo(1);
        assertThat(pr.medianTimeMs()).isEqualTo(2000L);
        assertThat(pr.labelers()).extracting(LabelerProgress::judgments).containsExactly(3L, 1L);
        assertThat(pr.labelers().getFirst().medianTimeMs()).isEqualTo(3000L);
        assertThat(pr.labelers().getFirst().username()).isEqualTo(f.username(a));
    }

    @Test
    void a_labelers_queue_counts_what_they_did_and_what_they_can_still_do() {
        Fixtures f = new Fixtures(ctx);
        ProjectView p = f.project(2, 1);
        f.prompts(p.id(), 5, 2);
        long a = f.account(Role.LABELER);
        long b = f.account(Role.LABELER);
        LabelerQueue start = progress.ofLabeler(p.id(), a);
        assertThat(start.position()).isEqualTo(1);
        assertThat(start.total()).isEqualTo(5);
        assertThat(start.firstAt()).isNull();

        judge(p, a, 1000L);
        judge(p, a, 2500L);
        NextTask skipped = assignment.next(p.id(), a).orElseThrow();
        assignment.skip(skipped.taskId(), a);
        assignment.next(p.id(), a).orElseThrow(); // held: still a's to do
        LabelerQueue mid = progress.ofLabeler(p.id(), a);
        assertThat(mid.done()).isEqualTo(2);
        assertThat(mid.left()).as("held, skipped and one untouched").isEqualTo(3);
        assertThat(mid.skipped()).isEqualTo(1);
        assertThat(mid.position()).isEqualTo(3);
        assertThat(mid.total()).isEqualTo(5);
        assertThat(mid.timeOnTaskMs()).isEqualTo(3500L);
        assertThat(mid.firstAt()).isNotNull();

        // b is given the oldest task with room (the one a skipped) and judges it: at overlap 1 it
        // is no longer a's to do
        judge(p, b, 700L);
        LabelerQueue after = progress.ofLabeler(p.id(), a);
        assertThat(after.left()).isEqualTo(2);
        assertThat(after.skipped()).isZero();
        assertThat(after.total()).isEqualTo(4);
    }

    @Test
    void median_of_even_count_is_the_mean_of_the_middle_two() {
        assertThat(ProgressService.median(List.of(4L, 1L, 3L, 2L))).isEqualTo(2L);
        assertThat(ProgressService.median(List.of())).isNull();
    }

    private void judge(ProjectView p, long labeler, long ms) {
        NextTask t = assignment.next(p.id(), labeler).orElseThrow();
        judgments.submit(labeler, new SubmitJudgment(t.taskId(), UUID.randomUUID().toString(), t.presentedOrder(),
                t.presentedOrder().stream().map(List::of).toList(), Map.of(), Map.of(), false, null, null, ms));
    }
}
