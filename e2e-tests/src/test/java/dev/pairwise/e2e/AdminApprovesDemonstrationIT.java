package dev.pairwise.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pairwise.app.demo.DemoProject;
import dev.pairwise.labeling.account.AccountRepository;
import dev.pairwise.labeling.demo.DemoDraft;
import dev.pairwise.labeling.demo.DemonstrationService;
import dev.pairwise.labeling.project.ProjectService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** An admin finds a submitted demonstration in the review list and approves it with a note. */
class AdminApprovesDemonstrationIT extends BrowserTestBase {

    @Autowired
    DemonstrationService demonstrations;

    @Autowired
    ProjectService projects;

    @Autowired
    AccountRepository accounts;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void an_admin_approves_a_submitted_demonstration() {
        long labeler = accounts.findByUsername("labeler").orElseThrow().getId();
        // the seeded project lets labelers write demonstrations; other tests add projects that do not
        long project = projects.findByName(DemoProject.NAME).orElseThrow().id();
        String marker = "e2e-" + System.nanoTime();
        String instruction = "Explain what a hash map is to a new programmer (" + marker + ")";
        long id = demonstrations.create(labeler, new DemoDraft(project, instruction,
                "A hash map stores values under keys and finds them in constant time on average.", true)).id();

        login("admin", "admin");
        page.navigate(url("/demonstrations"));
        page.click("#demos-grid >> text=" + marker);
        page.locator("#demo-review-note textarea, #demo-review-note input").first().fill("Clear and correct.");
        screenshot("06-review-demonstration");
        page.locator("#demo-approve").click();

        assertThat(page.locator("#demo-approve")).hasCount(0);
        assertThat(jdbc.queryForObject("SELECT status FROM demonstrations WHERE id = ?", String.class, id))
                .isEqualTo("APPROVED");
        assertThat(jdbc.queryForObject("SELECT review_note FROM demonstrations WHERE id = ?", String.class, id))
                .isEqualTo("Clear and correct.");
    }
}
