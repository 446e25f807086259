package dev.pairwise.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import dev.pairwise.app.security.AccountAdminService;
import dev.pairwise.labeling.Fixtures;
import dev.pairwise.labeling.account.Role;
import dev.pairwise.labeling.judgment.JudgmentService;
import dev.pairwise.labeling.judgment.SubmitJudgment;
import dev.pairwise.labeling.project.ProjectView;
import dev.pairwise.labeling.task.AssignmentService;
import dev.pairwise.labeling.task.NextTask;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * At the end of their queue a labeler reads what they did (tasks, time on task), that one more
 * task is held by someone else, and goes on to another project or the start page.
 */
class QueueEndSaysWhatWasDoneIT extends BrowserTestBase {

    private static final String PASSWORD = "end-of-the-queue";

    @Autowired
    ApplicationContext ctx;
    @Autowired
    AccountAdminService accounts;
    @Autowired
    AssignmentService assignment;
    @Autowired
    JudgmentService judgments;

    @Test
    void the_empty_queue_page_counts_the_work_and_links_to_the_other_projects_and_the_start_page() {
        Fixtures f = new Fixtures(ctx);
        ProjectView project = f.project(2, 1);
        f.prompts(project.id(), 3, 2);
        ProjectView other = f.project(2, 1);
        f.prompts(other.id(), 1, 2);
        String name = Fixtures.unique("finisher");
        long labeler = accounts.ensureAccount(name, name, PASSWORD, EnumSet.of(Role.LABELER)).getId();
        judge(project, labeler, 65_000);
        judge(project, labeler, 20_000);
        assignment.next(project.id(), f.account(Role.LABELER)).orElseThrow(); // the third, held by someone else

        login(name, PASSWORD);
        page.navigate(url("/label/" + project.id()));
        assertThat(page.getByTestId("no-task")).isVisible();
        assertThat(page.getByTestId("no-task")).containsText("All done in " + project.name());
        assertThat(page.getByTestId("done-summary")).containsText("You judged 2 tasks in this project, 1 min 25 s on task");
        assertThat(page.getByTestId("held-by-others")).containsText("1 more task is being labeled by others");
        assertThat(page.getByTestId("back-home")).isVisible();
        screenshot("queue-end");

        page.getByTestId("label-project-" + other.id()).click();
        assertThat(page).hasURL(Pattern.compile(".*/label/" + other.id() + "$"));
        assertThat(page.getByTestId("task-position")).hasText("1 of 1");

        page.navigate(url("/label/" + project.id()));
        page.getByTestId("back-home").click();
        assertThat(page.getByTestId("project-" + project.id())).isVisible();
    }

    private void judge(ProjectView p, long labeler, long ms) {
        NextTask t = assignment.next(p.id(), labeler).orElseThrow();
        judgments.submit(labeler, new SubmitJudgment(t.taskId(), UUID.randomUUID().toString(), t.presentedOrder(),
                t.presentedOrder().stream().map(List::of).toList(), Map.of(), Map.of(), false, null, null, ms));
    }
}
