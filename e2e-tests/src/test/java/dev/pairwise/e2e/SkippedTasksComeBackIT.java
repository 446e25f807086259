package dev.pairwise.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import dev.pairwise.app.security.AccountAdminService;
import dev.pairwise.labeling.Fixtures;
import dev.pairwise.labeling.account.Role;
import dev.pairwise.labeling.project.ProjectView;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * A labeler sees where they are ("2 of 3"), skips a task, takes the skip back, skips it again and
 * finds it once more after the other tasks: a skip no longer leaves work behind for good. Its own
 * project and labeler, so other browser tests do not matter.
 */
class SkippedTasksComeBackIT extends BrowserTestBase {

    private static final String PASSWORD = "skip-and-return";

    @Autowired
    ApplicationContext ctx;
    @Autowired
    AccountAdminService accounts;

    @Test
    void a_skipped_task_can_be_undone_and_comes_back_after_the_rest_while_the_position_counts_up() {
        Fixtures f = new Fixtures(ctx);
        ProjectView project = f.project(2, 1);
        f.prompts(project.id(), 3, 2);
        String labeler = Fixtures.unique("skipper");
        accounts.ensureAccount(labeler, labeler, PASSWORD, EnumSet.of(Role.LABELER));
        login(labeler, PASSWORD);
        page.navigate(url("/label/" + project.id()));

        assertThat(page.getByTestId("task-position")).hasText("1 of 3");
        assertThat(page.getByTestId("undo-skip")).hasCount(0);
        String first = taskId();
        page.getByTestId("skip").click();

        assertThat(page.getByTestId("task-id")).not().hasAttribute("data-task-id", first);
        assertThat(page.getByTestId("task-position")).hasText("1 of 3");
        assertThat(page.getByTestId("skipped-count")).containsText("1 skipped");
        String second = taskId();
        screenshot("skip-01-after-skip");
        page.getByTestId("undo-skip").click();

        assertThat(page.getByTestId("task-id")).hasAttribute("data-task-id", first);
        assertThat(page.getByTestId("undo-skip")).hasCount(0);
        assertThat(page.getByTestId("skipped-count")).hasCount(0);
        page.getByTestId("skip").click();
        assertThat(page.getByTestId("task-id")).hasAttribute("data-task-id", second);

        rankAndSubmit();
        assertThat(page.getByTestId("task-position")).hasText("2 of 3");
        String third = taskId();
        org.assertj.core.api.Assertions.assertThat(third).isNotIn(first, second);
        rankAndSubmit();

        assertThat(page.getByTestId("task-id")).hasAttribute("data-task-id", first);
        assertThat(page.getByTestId("task-position")).hasText("3 of 3");
        screenshot("skip-02-skipped-task-back");
        rankAndSubmit();
        assertThat(page.getByTestId("no-task")).isVisible();
    }

    private String taskId() {
        return page.getByTestId("task-id").getAttribute("data-task-id");
    }

    private void rankAndSubmit() {
        String before = taskId();
        page.locator("body").click(new Locator.ClickOptions().setPosition(2, 2));
        page.keyboard().press("1");
        page.keyboard().press("2");
        assertThat(page.getByTestId("submit")).isEnabled();
        page.getByTestId("submit").click();
        page.waitForFunction("id => { const t = document.querySelector('[data-testid=\"task-id\"]');"
                + " return !t || t.getAttribute('data-task-id') !== id; }", before);
    }
}
