package dev.pairwise.labeling.battle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pairwise.labeling.Fixtures;
import dev.pairwise.labeling.NotFoundException;
import dev.pairwise.labeling.account.Role;
import dev.pairwise.labeling.judgment.JudgmentService;
import dev.pairwise.labeling.judgment.SubmitJudgment;
import dev.pairwise.labeling.project.ProjectView;
import dev.pairwise.labeling.task.AddedPrompt;
import dev.pairwise.labeling.task.AssignmentService;
import dev.pairwise.labeling.task.NewPrompt;
import dev.pairwise.labeling.task.NextTask;
import dev.pairwise.labeling.task.Origin;
import dev.pairwise.labeling.task.TaskService;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/** The closed loop's read queries, run on H2 and on PostgreSQL by the subclasses. */
abstract class BattleQueriesScenarios {

    @Autowired
    ApplicationContext ctx;
    @Autowired
    SystemRankings rankings;
    @Autowired
    LoopPrompts prompts;
    @Autowired
    TaskService tasks;
    @Autowired
    AssignmentService assignments;
    @Autowired
    JudgmentService judgments;

    private Fixtures fixtures;
    private long labeler;

    @BeforeEach
    void setUp() {
        fixtures = new Fixtures(ctx);
        labeler = fixtures.account(Role.LABELER);
    }

    /** A task with responses of these origins, judged with the responses' tiers in {@code order}. */
    private AddedPrompt judged(long project, List<Origin> origins, List<List<Integer>> order) {
        List<NewPrompt.NewResponse> rs = origins.stream()
                .map(o -> new NewPrompt.NewResponse("answer by " + o.model(), o)).toList();
        AddedPrompt added = tasks.addPrompt(project, new NewPrompt(Fixtures.unique("prompt"), rs));
        NextTask t = assignments.next(project, labeler).orElseThrow();
        List<List<Long>> tiers = order.stream().map(tier -> tier.stream()
                .map(i -> added.responseIds().get(i)).toList()).toList();
        judgments.submit(labeler, new SubmitJudgment(t.taskId(), UUID.randomUUID().toString(), t.presentedOrder(),
                tiers, null, null, false, null, null, 100L));
        return added;
    }

    @Test
    void rankings_name_the_system_of_each_response_and_skip_prompts_of_one_system() {
        ProjectView p = fixtures.project(3, 1);
        ProjectView other = fixtures.project(3, 1);
        AddedPrompt mixed = judged(p.id(), List.of(Origin.model("ckpt-a", "{}"), Origin.imported("hh"), Origin.human()),
                List.of(List.of(2), List.of(0, 1)));
        judged(p.id(), List.of(Origin.model("ckpt-a", "{}"), Origin.model("ckpt-a", "{\"seed\":2}")),
                List.of(List.of(0), List.of(1)));
        judged(other.id(), List.of(Origin.model("ckpt-b", "{}"), Origin.model("ckpt-c", "{}")),
                List.of(List.of(1), List.of(0)));

        List<SystemRanking> inP = rankings.rankings(p.id());
        assertThat(inP).hasSize(1);
        SystemRanking r = inP.getFirst();
        assertThat(r.promptId()).isEqualTo(mixed.promptId());
        assertThat(r.tiers()).isEqualTo(List.of(List.of(mixed.responseIds().get(2)),
                List.of(mixed.responseIds().get(0), mixed.responseIds().get(1))));
        assertThat(r.systemOf()).isEqualTo(Map.of(mixed.responseIds().get(0), "ckpt-a",
                mixed.responseIds().get(1), "hh"));
        assertThat(rankings.rankings(null)).extracting(SystemRanking::projectId).contains(p.id(), other.id());
    }

    @Test
    void rankings_read_page_after_page_in_judgment_order() {
        ProjectView p = fixtures.project(2, 1);
        List<Long> prompts = new java.util.ArrayList<>();
        for (int i = 0; i < 5; i++) {
            prompts.add(judged(p.id(), List.of(Origin.model("x", "{}"), Origin.model("y", "{}")),
                    List.of(List.of(i % 2), List.of(1 - i % 2))).promptId());
        }
        assertThat(rankings.rankings(p.id(), 2)).extracting(SystemRanking::promptId).isEqualTo(prompts);
        assertThat(rankings.rankings(p.id(), 5)).isEqualTo(rankings.rankings(p.id(), 1));
    }

    @Test
    void loop_prompts_come_oldest_first_in_the_order_asked_and_count_what_one_origin_stored() {
        ProjectView p = fixtures.project(2, 1);
        List<AddedPrompt> added = fixtures.prompts(p.id(), 3, 2); // Fixtures: origins ckpt-100 and imported
        List<Long> ids = added.stream().map(AddedPrompt::promptId).toList();
        assertThat(prompts.promptIds(p.id(), 2, "f")).isEqualTo(ids.subList(0, 2));
        assertThat(prompts.texts(List.of(ids.get(2), ids.get(0)), "f")).extracting(ProjectPrompt::id)
                .containsExactly(ids.get(2), ids.get(0));
        assertThatThrownBy(() -> prompts.texts(List.of(ids.get(0), 999_999_999L), "config.promptIds"))
                .isInstanceOf(NotFoundException.class).hasMessageContaining("999999999")
                .extracting(e -> ((NotFoundException) e).field()).isEqualTo("config.promptIds");
        assertThatThrownBy(() -> prompts.promptIds(999_999_999L, 5, "config.projectId"))
                .isInstanceOf(NotFoundException.class);
        assertThat(prompts.promptsWithResponseFrom(p.id(), Origin.model("ckpt-100", "{\"temperature\":0.7}")))
                .isEqualTo(3);
        assertThat(prompts.promptsWithResponseFrom(p.id(), Origin.model("ckpt-100", "{\"temperature\":0.8}")))
                .isZero();
    }
}
