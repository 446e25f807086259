package dev.pairwise.app.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import dev.pairwise.app.PairwiseApplication;
import dev.pairwise.labeling.progress.ProgressService;
import dev.pairwise.labeling.progress.ProjectProgress;
import dev.pairwise.labeling.project.ProjectService;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The comparison screen in Chromium, driven only by the keyboard: rank four responses with one
 * tie, rate and flag one, submit; the database then holds one judgment and five pairs.
 */
@SpringBootTest(classes = PairwiseApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "spring.datasource.url=jdbc:h2:mem:comparisonit;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
                        + "DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
                "pairwise.demo.enabled=true"})
class ComparisonScreenIT {

    @LocalServerPort
    int port;
    @Autowired
    ProgressService progress;
    @Autowired
    ProjectService projects;

    @Test
    void a_labeler_ranks_four_responses_with_a_tie_by_keyboard_and_one_judgment_with_five_pairs_is_stored() {
        try (Playwright playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
             Browser browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                     .setExecutablePath(Path.of("/usr/bin/chromium"))
                     .setArgs(List.of("--no-sandbox", "--disable-gpu", "--no-first-run")))) {
            PlaywrightAssertions.setDefaultAssertionTimeout(30_000);
            Page page = browser.newContext(new Browser.NewContextOptions().setViewportSize(1400, 1000)).newPage();
            page.setDefaultTimeout(30_000);
            page.navigate("http://localhost:" + port + "/login");
            page.fill("input[name='username']", "labeler");
            page.fill("input[name='password']", "labeler");
            page.keyboard().press("Enter");
            page.waitForURL(url -> !url.contains("/login"));

            page.navigate("http://localhost:" + port + "/label");
            assertThat(page.locator("[data-testid=response-card-4]")).isVisible();
            // 3 first, 1 tied with it, then 4, then 2.
            for (String key : List.of("3", "1", "t", "4", "2")) {
                page.keyboard().press(key);
                page.waitForTimeout(150);
            }
            assertThat(page.locator("[data-testid=rank-status]")).containsText("4 of 4 ranked");
            assertThat(page.locator("[data-testid=tier-1] [data-testid=chip-3]")).isVisible();
            assertThat(page.locator("[data-testid=tier-1] [data-testid=chip-1]")).isVisible();
            page.click("[data-testid=likert-2-2]");
            page.click("[data-testid=flag-2-UNTRUTHFUL]");
            page.keyboard().press("Control+Enter");
            assertThat(page.locator("[data-testid=notification-success]")).containsText("5 preference pairs");
        }
        long projectId = projects.list().getFirst().id();
        ProjectProgress p = progress.progress(projectId);
        assertThat(p.judgments()).isEqualTo(1);
        assertThat(p.pairs()).isEqualTo(5);
    }
}
