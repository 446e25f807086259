package dev.pairwise.labeling.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pairwise.labeling.ConflictException;
import dev.pairwise.labeling.Fixtures;
import dev.pairwise.labeling.InvalidInputException;
import dev.pairwise.labeling.account.Role;
import dev.pairwise.labeling.dataset.TrainingDataService;
import dev.pairwise.labeling.export.ExportService;
import dev.pairwise.labeling.export.JudgmentRow;
import dev.pairwise.labeling.export.PairFormat;
import dev.pairwise.labeling.judgment.JudgmentService;
import dev.pairwise.labeling.judgment.SubmitJudgment;
import dev.pairwise.labeling.project.ProjectView;
import dev.pairwise.labeling.quality.Adjudications;
import dev.pairwise.labeling.quality.ReviewData;
import dev.pairwise.labeling.task.AddedPrompt;
import dev.pairwise.labeling.task.AssignmentService;
import dev.pairwise.labeling.task.NextTask;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Adjudicated rankings on H2 and PostgreSQL (subclasses): stored as a judgment with pairs that do
 * not count toward the overlap, marked in both exports, left out of the labelers' judgments,
 * preferred by the training snapshot; two reviewers deciding one task at once store one.
 */
abstract class AdjudicationScenarios {

    @Autowired
    ApplicationContext ctx;
    @Autowired
    AssignmentService assignment;
    @Autowired
    JudgmentService judgments;
    @Autowired
    Adjudications adjudications;
    @Autowired
    ReviewData review;
    @Autowired
    ExportService export;
    @Autowired
    TrainingDataService training;
    @Autowired
    JdbcClient jdbc;

    Fixtures f;
    ProjectView p;
    AddedPrompt task;
    long ann;
    long bob;
    long reviewer;

    /** One task of three responses, ranked in opposite orders by two labelers. */
    @BeforeEach
    void setUp() {
        f = new Fixtures(ctx);
        p = f.project(3, 2);
        task = f.prompts(p.id(), 1, 3).getFirst();
        ann = f.account(Role.LABELER);
        bob = f.account(Role.LABELER);
        reviewer = f.account(Role.REVIEWER);
        List<Long> r = task.responseIds();
        judge(ann, List.of(List.of(r.get(0)), List.of(r.get(1)), List.of(r.get(2))));
        judge(bob, List.of(List.of(r.get(2)), List.of(r.get(1)), List.of(r.get(0))));
    }

    @Test
    void an_adjudication_is_a_marked_ranking_with_pairs_that_does_not_count_toward_the_overlap() {
        List<Long> r = task.responseIds();
        var tiers = List.of(List.of(r.get(1)), List.of(r.get(0), r.get(2)));
        Adjudications.Adjudication a = adjudications.adjudicate(task.taskId(), reviewer, tiers, "B is the only correct one");

        assertThat(a.reviewer()).isEqualTo(f.username(reviewer));
        assertThat(jdbc.sql("SELECT judgment_count FROM comparison_tasks WHERE id = ?").param(task.taskId())
                .query(Integer.class).single()).isEqualTo(2);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM preference_pairs WHERE judgment_id = ?").param(a.judgmentId())
                .query(Long.class).single()).as("B over A, B over C").isEqualTo(2);
        assertThat(review.task(task.taskId()).adjudication()).contains(a);
        assertThat(review.task(task.taskId()).rankings()).hasSize(2);

        String judgmentsExport = judgmentsExport();
        assertThat(judgmentsExport.lines()).hasSize(3);
        assertThat(judgmentsExport.lines().toList().getLast())
                .contains("\"labeler\":\"" + f.username(reviewer) + "\"")
                .contains("\"tiers\":[[" + r.get(1) + "],[" + r.get(0) + "," + r.get(2) + "]]")
                .endsWith("\"adjudicated\":true}");
        assertThat(judgmentsExport.lines().limit(2)).noneMatch(l -> l.contains("adjudicated"));
        List<JudgmentRow> labelerRows = new ArrayList<>();
        export.forEachJudgment(p.id(), labelerRows::add);
        assertThat(labelerRows).hasSize(2).noneMatch(JudgmentRow::adjudicated);

        ByteArrayOutputStream pairs = new ByteArrayOutputStream();
        export.exportPairs(p.id(), PairFormat.TRL, pairs);
        assertThat(pairs.toString(StandardCharsets.UTF_8).lines().filter(l -> l.contains("\"adjudicated\":true")))
                .hasSize(2).allMatch(l -> l.contains("\"labeler\":\"" + f.username(reviewer) + "\""));
    }

    @Test
    void training_prefers_the_adjudicated_ranking_and_can_leave_labelers_out() {
        List<Long> all = training.pairIds(p.id());
        assertThat(all).hasSize(6);
        List<Long> r = task.responseIds();
        Adjudications.Adjudication a = adjudications.adjudicate(task.taskId(), reviewer,
                List.of(List.of(r.get(0)), List.of(r.get(1)), List.of(r.get(2))), null);
        List<Long> adjudicatedPairs = jdbc.sql("SELECT id FROM preference_pairs WHERE judgment_id = ? ORDER BY id")
                .param(a.judgmentId()).query(Long.class).list();

        assertThat(training.pairIds(p.id(), true, List.of())).containsExactlyElementsOf(adjudicatedPairs);
        assertThat(training.pairIds(p.id(), false, List.of())).hasSize(9);
        assertThat(training.pairIds(p.id(), false, Set.of(bob))).hasSize(6)
                .doesNotContainAnyElementsOf(pairsOf(bob));
    }

    @Test
    void a_bad_ranking_is_refused_naming_tiers_and_a_second_adjudication_conflicts() {
        List<Long> r = task.responseIds();
        assertThatThrownBy(() -> adjudications.adjudicate(task.taskId(), reviewer, List.of(List.of(r.get(0))), null))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("omits");
        adjudications.adjudicate(task.taskId(), reviewer, List.of(r), null);
        assertThatThrownBy(() -> adjudications.adjudicate(task.taskId(), reviewer, List.of(r), null))
                .isInstanceOf(ConflictException.class).hasMessageContaining("adjudicated already");
    }

    @Test
    void two_reviewers_deciding_one_task_at_once_store_one_adjudication() throws Exception {
        long other = f.account(Role.REVIEWER);
        List<Long> r = task.responseIds();
        List<String> outcomes = Concurrently.run(List.of(reviewer, other).stream().<Callable<String>>map(who -> () -> {
            try {
                adjudications.adjudicate(task.taskId(), who, List.of(List.of(r.get(0)), List.of(r.get(1), r.get(2))), null);
                return "stored";
            } catch (ConflictException e) {
                return "conflict";
            }
        }).toList());
        assertThat(outcomes).containsExactlyInAnyOrder("stored", "conflict");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM judgments WHERE task_id = ? AND source = 'adjudication'")
                .param(task.taskId()).query(Long.class).single()).isEqualTo(1);
    }

    private List<Long> pairsOf(long labeler) {
        return jdbc.sql("""
                        SELECT p.id FROM preference_pairs p JOIN judgments j ON j.id = p.judgment_id
                         WHERE j.labeler_id = ? AND j.project_id = ?""")
                .params(labeler, p.id()).query(Long.class).list();
    }

    private String judgmentsExport() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        export.exportJudgments(p.id(), out);
        return out.toString(StandardCharsets.UTF_8);
    }

    private void judge(long labeler, List<List<Long>> tiers) {
        NextTask t = assignment.next(p.id(), labeler).orElseThrow();
        judgments.submit(labeler, new SubmitJudgment(t.taskId(), UUID.randomUUID().toString(), t.presentedOrder(),
                tiers, null, null, false, null, null, null));
    }
}
