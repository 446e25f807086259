package dev.pairwise.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pairwise.app.security.AccountAdminService;
import dev.pairwise.labeling.Fixtures;
import dev.pairwise.labeling.account.Role;
import dev.pairwise.labeling.project.ProjectSettings;
import dev.pairwise.labeling.project.ProjectView;
import dev.pairwise.labeling.task.NewPrompt;
import dev.pairwise.labeling.task.Origin;
import dev.pairwise.labeling.task.TaskService;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * On a 390 px touch screen a labeler ranks with the buttons of the selected card alone (rank, up,
 * tie), reaches the ranking board from the top of the task, sees no keyboard help, and a long
 * code line stays inside its card (the page does not scroll sideways).
 */
class PhoneRankingIT extends BrowserTestBase {

    private static final String PASSWORD = "ranking-by-touch";

    @Autowired
    ApplicationContext ctx;
    @Autowired
    AccountAdminService accounts;
    @Autowired
    TaskService tasks;

    @Test
    void a_phone_ranks_by_touch_with_the_board_in_reach_and_code_inside_its_card() {
        ProjectView project = new Fixtures(ctx).project(new ProjectSettings(Fixtures.unique("phone"), "", 3, 1,
                false, false, 30));
        String code = "```python\nresult = compute_the_answer(" + "argument_number_one, ".repeat(12) + "last)\n```";
        tasks.addPrompt(project.id(), new NewPrompt("Write one line of Python that calls a function.", List.of(
                new NewPrompt.NewResponse("First:\n\n" + code, Origin.imported("test")),
                new NewPrompt.NewResponse("Second: `f()`", Origin.imported("test")),
                new NewPrompt.NewResponse("Third: I cannot help with that.", Origin.imported("test")))));
        String labeler = Fixtures.unique("thumb");
        accounts.ensureAccount(labeler, labeler, PASSWORD, EnumSet.of(Role.LABELER));

        openTouchPage(390, 800);
        login(labeler, PASSWORD);
        page.navigate(url("/label/" + project.id()));
        assertThat(page.getByTestId("response-card-3")).isVisible();
        assertThat(page.getByTestId("keyboard-help")).not().isVisible();
        assertThat(page.getByTestId("to-ranking")).isVisible();
        assertThat(page.getByTestId("card-moves-1")).not().isVisible();
        Object sideways = page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth");
        assertThat(((Number) sideways).intValue()).as("the page does not scroll sideways").isLessThanOrEqualTo(0);
        Object cardOverflow = page.evaluate("() => { const c = document.querySelector('[data-testid=\"response-card-1\"]');"
                + " return c.getBoundingClientRect().right - window.innerWidth; }");
        assertThat(((Number) cardOverflow).doubleValue()).as("the code card fits the screen").isLessThanOrEqualTo(0.5);
        Object codeOverflow = page.evaluate("() => { const p = document.querySelector('[data-testid=\"response-text-1\"] pre');"
                + " return p ? p.getBoundingClientRect().right - window.innerWidth : 9999; }");
        assertThat(((Number) codeOverflow).doubleValue()).as("the code block is inside the screen").isLessThanOrEqualTo(0.5);

        for (int n = 1; n <= 3; n++) {
            page.locator("[data-testid=response-card-" + n + "] .card-header").tap();
            page.getByTestId("card-place-" + n).tap();
        }
        assertThat(page.getByTestId("response-rank-3")).hasText("3rd");
        page.getByTestId("card-up-3").tap();
        assertThat(page.getByTestId("response-rank-3")).hasText("2nd");
        assertThat(page.getByTestId("response-rank-2")).hasText("3rd");
        page.locator("[data-testid=response-card-2] .card-header").tap();
        page.getByTestId("card-tie-2").tap();
        assertThat(page.getByTestId("response-rank-2")).hasText("2nd (tie)");
        assertThat(page.getByTestId("response-rank-3")).hasText("2nd (tie)");
        screenshot("phone-ranked-by-touch");

        page.getByTestId("to-ranking").tap();
        page.waitForFunction("() => { const b = document.querySelector('[data-testid=\"submit\"]');"
                + " const r = b && b.getBoundingClientRect(); return r && r.top >= 0 && r.bottom <= window.innerHeight; }");
        assertThat(page.getByTestId("submit")).isEnabled();
        page.getByTestId("submit").tap();
        assertThat(page.getByTestId("no-task")).isVisible();
    }
}
