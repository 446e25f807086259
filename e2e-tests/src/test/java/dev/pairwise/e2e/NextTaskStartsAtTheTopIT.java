package dev.pairwise.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.options.BoundingBox;
import dev.pairwise.app.security.AccountAdminService;
import dev.pairwise.labeling.Fixtures;
import dev.pairwise.labeling.account.Role;
import dev.pairwise.labeling.project.ProjectView;
import dev.pairwise.labeling.task.NewPrompt;
import dev.pairwise.labeling.task.Origin;
import dev.pairwise.labeling.task.TaskService;
import java.util.EnumSet;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * On a phone-sized screen a labeler scrolls down to the buttons under the responses; after a
 * skip the next task opens at its prompt, not at the old scroll position. Its own project and
 * labeler, so what other browser tests did to the demo project does not matter.
 */
class NextTaskStartsAtTheTopIT extends BrowserTestBase {

    private static final String PASSWORD = "scroll-to-the-top";

    @Autowired
    ApplicationContext ctx;
    @Autowired
    AccountAdminService accounts;
    @Autowired
    TaskService tasks;

    @Test
    void after_a_skip_the_next_task_opens_with_its_prompt_in_sight() {
        ProjectView project = new Fixtures(ctx).project(4, 1);
        String longAnswer = "A long answer that fills a phone screen. ".repeat(12);
        for (int p = 0; p < 2; p++) {
            int prompt = p;
            tasks.addPrompt(project.id(), new NewPrompt("Prompt " + p + ": explain why the sky is blue.",
                    IntStream.range(0, 4).mapToObj(r -> new NewPrompt.NewResponse(
                            "Answer " + r + " to prompt " + prompt + ". " + longAnswer, Origin.imported("test"))).toList()));
        }
        String labeler = Fixtures.unique("phone");
        accounts.ensureAccount(labeler, labeler, PASSWORD, EnumSet.of(Role.LABELER));

        openPage(390, 700);
        login(labeler, PASSWORD);
        page.navigate(url("/label/" + project.id()));
        assertThat(page.getByTestId("prompt")).isVisible();
        String firstTask = page.getByTestId("task-id").textContent();

        page.getByTestId("skip").scrollIntoViewIfNeeded();
        BoundingBox promptBefore = page.getByTestId("prompt").boundingBox();
        assertThat(promptBefore.y + promptBefore.height).as("scrolled down: the prompt is above the screen").isLessThan(0);
        page.getByTestId("skip").click();

        assertThat(page.getByTestId("task-id")).not().hasText(firstTask);
        page.waitForFunction("() => { const p = document.querySelector('[data-testid=\"prompt\"]');"
                + " const r = p && p.getBoundingClientRect(); return r && r.top >= 0 && r.top < window.innerHeight; }");
        BoundingBox promptAfter = page.getByTestId("prompt").boundingBox();
        assertThat(promptAfter.y).as("the new prompt starts on screen").isBetween(0.0, 700.0);
        screenshot("next-task-at-top-phone");
    }
}
