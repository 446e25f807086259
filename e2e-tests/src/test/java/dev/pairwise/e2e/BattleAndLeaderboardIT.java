package dev.pairwise.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import dev.pairwise.labeling.account.AccountRepository;
import dev.pairwise.labeling.judgment.JudgmentService;
import dev.pairwise.labeling.judgment.SubmitJudgment;
import dev.pairwise.labeling.project.ProjectService;
import dev.pairwise.labeling.project.ProjectSettings;
import dev.pairwise.labeling.task.AssignmentService;
import dev.pairwise.labeling.task.NewPrompt;
import dev.pairwise.labeling.task.NextTask;
import dev.pairwise.labeling.task.Origin;
import dev.pairwise.labeling.task.TaskService;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 5, the closed loop in the browser: a labeler judges blind A/B battles (by key and by
 * button) without ever seeing which checkpoint wrote what, and a researcher reads the
 * leaderboard those verdicts make. Battle tasks are stored as an evaluation job stores them.
 */
class BattleAndLeaderboardIT extends BrowserTestBase {

    @Autowired
    ProjectService projects;
    @Autowired
    TaskService tasks;
    @Autowired
    AssignmentService assignments;
    @Autowired
    JudgmentService judgments;
    @Autowired
    AccountRepository accounts;
    @Autowired
    JdbcTemplate jdbc;

    private long battleProject(String policy, String sft, int battles) {
        long id = projects.create(new ProjectSettings("Battles " + UUID.randomUUID().toString().substring(0, 8),
                "", 2, 1, true, false, 30)).id();
        for (int i = 0; i < battles; i++) {
            tasks.addPrompt(id, new NewPrompt("Name a colour, please (" + i + ").", List.of(
                    new NewPrompt.NewResponse("Blue, like the sky " + i + ".", Origin.model(policy, "{\"seed\":1}")),
                    new NewPrompt.NewResponse("Grey " + i + ".", Origin.model(sft, "{\"seed\":1}")))));
        }
        return id;
    }

    private long judgmentsIn(long project) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM judgments WHERE project_id = ?", Long.class, project);
    }

    @Test
    void a_labeler_judges_blind_battles_by_key_and_by_button_and_never_sees_a_checkpoint() {
        String policy = "ppo-job7-secret";
        String sft = "sft-job3-secret";
        long project = battleProject(policy, sft, 2);
        login("labeler", "labeler");
        page.navigate(url("/battle/" + project));
        assertThat(page.getByTestId("battle-side-a")).isVisible();
        assertThat(page.getByTestId("battle-side-b")).isVisible();
        assertThat(page.locator("body")).not().containsText("secret");
        screenshot("battle-01-a-b");

        page.locator("body").click(new Locator.ClickOptions().setPosition(2, 2));
        page.keyboard().press("a");
        assertThat(page.getByTestId("battle-both-bad")).isVisible();
        page.waitForCondition(() -> judgmentsIn(project) == 1);
        page.getByTestId("battle-both-bad").click();
        assertThat(page.getByTestId("no-battle")).isVisible();
        assertThat(judgmentsIn(project)).isEqualTo(2);
        // The first verdict is a win (one pair), "both bad" a tie with both responses flagged.
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM preference_pairs WHERE project_id = ?", Long.class, project))
                .isEqualTo(1);
        assertThat(jdbc.queryForList("SELECT r.flags FROM response_ratings r JOIN judgments j ON j.id = r.judgment_id"
                + " WHERE j.project_id = ?", String.class, project)).containsExactly("LOW_QUALITY", "LOW_QUALITY");

        page.navigate(url("/leaderboard"));
        assertThat(page.locator("#access-denied")).isVisible();
    }

    @Test
    void a_researcher_reads_the_leaderboard_of_a_battle_project() {
        String policy = "ppo-job9";
        String sft = "sft-job4";
        long project = battleProject(policy, sft, 3);
        long labeler = accounts.findByUsername("labeler").orElseThrow().getId();
        for (int i = 0; i < 3; i++) {
            NextTask t = assignments.next(project, labeler).orElseThrow();
            long policyResponse = jdbc.queryForObject("SELECT r.id FROM responses r WHERE r.prompt_id = ?"
                    + " AND r.origin_model = ?", Long.class, t.promptId(), policy);
            long other = t.presentedOrder().stream().filter(id -> id != policyResponse).findFirst().orElseThrow();
            judgments.submit(labeler, new SubmitJudgment(t.taskId(), UUID.randomUUID().toString(), t.presentedOrder(),
                    i < 2 ? List.of(List.of(policyResponse), List.of(other)) : List.of(List.of(other), List.of(policyResponse)),
                    null, null, false, null, null, 900L));
        }
        login("researcher", "researcher");
        page.navigate(url("/leaderboard/" + project));
        assertThat(page.getByTestId("leaderboard-summary")).containsText("3 battles from 3 judgments");
        Locator grid = page.locator("#leaderboard");
        assertThat(grid).containsText(policy);
        assertThat(grid).containsText(sft);
        assertThat(grid).containsText("66.7%");
        assertThat(grid).containsText("33.3%");
        screenshot("leaderboard-01");
    }
}
