package dev.pairwise.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pairwise.app.demo.DemoProject;
import dev.pairwise.app.security.AccountAdminService;
import dev.pairwise.labeling.Fixtures;
import dev.pairwise.labeling.account.AccountRepository;
import dev.pairwise.labeling.account.Role;
import dev.pairwise.labeling.demo.DemoDraft;
import dev.pairwise.labeling.demo.DemonstrationService;
import dev.pairwise.labeling.project.ProjectService;
import java.util.EnumSet;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Review of demonstrations: with a second admin around, an admin cannot approve their own (the
 * dialog says why); an admin edits a labeler's demonstration before approving it, and the edit is
 * kept with the editor and the original text.
 */
class DemonstrationReviewIT extends BrowserTestBase {

    @Autowired
    DemonstrationService demonstrations;
    @Autowired
    ProjectService projects;
    @Autowired
    AccountRepository accounts;
    @Autowired
    AccountAdminService accountAdmin;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void an_admin_cannot_approve_their_own_and_edits_a_labelers_before_approving_it_keeping_the_original() {
        String second = Fixtures.unique("second-admin");
        accountAdmin.ensureAccount(second, second, "another-admin-here", EnumSet.of(Role.ADMIN));
        long admin = accounts.findByUsername("admin").orElseThrow().getId();
        long labeler = accounts.findByUsername("labeler").orElseThrow().getId();
        // the seeded project lets labelers write demonstrations; other tests add projects that do not
        long project = projects.findByName(DemoProject.NAME).orElseThrow().id();
        String marker = "review-" + System.nanoTime();
        long own = demonstrations.create(admin, new DemoDraft(project, "Own work (" + marker + "-own)",
                "Written by the admin.", true)).id();
        String original = "The capital of Australia is Sydney.";
        long theirs = demonstrations.create(labeler, new DemoDraft(project, "Name the capital of Australia ("
                + marker + "-theirs)", original, true)).id();

        login("admin", "admin");
        page.navigate(url("/demonstrations"));
        page.click("#demos-grid >> text=" + marker + "-own");
        assertThat(page.getByTestId("own-demo-note")).containsText("another admin must approve it");
        assertThat(page.locator("#demo-approve")).isDisabled();
        assertThat(page.locator("#demo-edit")).hasCount(0);
        screenshot("demo-review-01-own");
        page.locator("#demo-close").click();

        page.click("#demos-grid >> text=" + marker + "-theirs");
        assertThat(page.getByTestId("own-demo-note")).hasCount(0);
        page.locator("#demo-edit").click();
        page.locator("#demo-edit-response textarea").fill("The capital of Australia is Canberra.");
        page.locator("#demo-save-edit").click();
        assertThat(page.getByTestId("demo-edit-history")).containsText("Edited 1 time by reviewers · last by admin");
        page.getByTestId("demo-edit-history").click();
        assertThat(page.getByTestId("demo-edit-history")).containsText(original);
        assertThat(page.getByTestId("demo-dialog")).containsText("Canberra");
        screenshot("demo-review-02-edited");
        page.locator("#demo-approve").click();
        assertThat(page.locator("#demo-approve")).hasCount(0);

        Map<String, Object> stored = jdbc.queryForMap("SELECT status, response, author_id FROM demonstrations WHERE id = ?", theirs);
        assertThat(stored.get("status")).isEqualTo("APPROVED");
        assertThat(stored.get("response")).isEqualTo("The capital of Australia is Canberra.");
        assertThat(((Number) stored.get("author_id")).longValue()).isEqualTo(labeler);
        Map<String, Object> kept = jdbc.queryForMap(
                "SELECT editor_id, response_before FROM demonstration_edits WHERE demonstration_id = ?", theirs);
        assertThat(((Number) kept.get("editor_id")).longValue()).isEqualTo(admin);
        assertThat(kept.get("response_before")).isEqualTo(original);
        assertThat(jdbc.queryForObject("SELECT status FROM demonstrations WHERE id = ?", String.class, own))
                .isEqualTo("SUBMITTED");
    }
}
