package dev.pairwise.app.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import dev.pairwise.app.PairwiseApplication;
import dev.pairwise.labeling.demo.DemoQuery;
import dev.pairwise.labeling.demo.DemoStatus;
import dev.pairwise.labeling.demo.DemonstrationService;
import dev.pairwise.labeling.progress.ProgressService;
import dev.pairwise.labeling.project.ProjectService;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.domain.Pageable;

/** The admin screens in Chromium: a refused import, a review, and a labeler kept out. */
@SpringBootTest(classes = PairwiseApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "spring.datasource.url=jdbc:h2:mem:adminit;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
                        + "DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
                "pairwise.demo.enabled=true"})
class AdminScreensIT {

    private static Playwright playwright;
    private static Browser browser;

    @LocalServerPort
    int port;
    @Autowired
    ProjectService projects;
    @Autowired
    ProgressService progress;
    @Autowired
    DemonstrationService demos;

    @BeforeAll
    static void launch() {
        playwright = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(Path.of("/usr/bin/chromium"))
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--no-first-run")));
        PlaywrightAssertions.setDefaultAssertionTimeout(30_000);
    }

    @AfterAll
    static void close() {
        browser.close();
        playwright.close();
    }

    private Page signIn(String user) {
        Page page = browser.newContext(new Browser.NewContextOptions().setViewportSize(1400, 1000)).newPage();
        page.setDefaultTimeout(30_000);
        page.navigate("http://localhost:" + port + "/login");
        page.fill("input[name='username']", user);
        page.fill("input[name='password']", user);
        page.keyboard().press("Enter");
        page.waitForURL(url -> !url.contains("/login"));
        return page;
    }

    @Test
    void an_import_with_a_bad_line_names_its_line_and_stores_nothing() throws Exception {
        long projectId = projects.list().getFirst().id();
        long tasksBefore = progress.progress(projectId).tasks();
        Path file = Files.createTempFile("import", ".jsonl");
        Files.writeString(file, """
                {"prompt": "What is 2+2?", "responses": ["4", "5"]}
                {"prompt": "Name a colour", "responses": ["blue"]}
                {"prompt": "Capital of France?", "responses": ["Paris", "Lyon"]}
                """);
        Page page = signIn("admin");
        page.navigate("http://localhost:" + port + "/admin/import");
        page.setInputFiles("#import-upload input[type=file]", file);
        assertThat(page.locator("[data-testid=import-error-line-2]")).containsText("Line 2");
        assertThat(page.locator("#import-apply")).isDisabled();
        assertThat(progress.progress(projectId).tasks()).isEqualTo(tasksBefore);
    }

    @Test
    void an_admin_approves_a_submitted_demonstration() {
        Page page = signIn("admin");
        page.navigate("http://localhost:" + port + "/demonstrations");
        page.click("#demos-grid >> text=hash map");
        page.fill("#demo-review-note textarea", "Clear and correct.");
        page.click("#demo-approve");
        assertThat(page.locator("[data-testid=notification-success]")).containsText("Approved");
        var approved = demos.search(new DemoQuery(null, DemoStatus.APPROVED, null, "hash map"), Pageable.unpaged());
        assertThat(approved.getContent()).singleElement()
                .satisfies(d -> assertThat(d.reviewNote()).isEqualTo("Clear and correct."));
    }

    @Test
    void a_labeler_who_opens_an_admin_url_is_refused() {
        Page page = signIn("labeler");
        // The page shell loads (HTTP 200); Vaadin's router then refuses the view itself.
        page.navigate("http://localhost:" + port + "/admin/users");
        assertThat(page.locator("#access-denied")).isVisible();
        assertThat(page.locator("#users-grid")).hasCount(0);
        // Nor does the navigation offer admin views to a labeler.
        page.navigate("http://localhost:" + port + "/");
        assertThat(page.locator("[data-testid=nav-label]")).isVisible();
        assertThat(page.locator("[data-testid=nav-users]")).hasCount(0);
    }
}
