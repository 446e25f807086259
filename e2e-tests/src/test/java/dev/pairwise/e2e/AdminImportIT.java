package dev.pairwise.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.FileChooser;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.options.FilePayload;
import dev.pairwise.labeling.Fixtures;
import dev.pairwise.labeling.project.ProjectView;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * An admin uploads a JSONL file with one bad line: its line number is shown, nothing lands; lines
 * that do not have the project's K different responses are bad lines too, and the preview shows
 * the good lines' responses as text.
 */
class AdminImportIT extends BrowserTestBase {

    private static final String FILE = """
            {"prompt": "Name a prime number.", "responses": ["7", "9 is prime."]}
            {"prompt": "Only one response here.", "responses": ["lonely"]}
            {"prompt": "What is 2+2?", "responses": ["4", "5"]}
            """;

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ApplicationContext ctx;

    @Test
    void a_file_with_one_bad_line_names_the_line_and_imports_nothing() {
        long promptsBefore = jdbc.queryForObject("SELECT COUNT(*) FROM prompts", Long.class);
        login("admin", "admin");
        page.navigate(url("/admin/import"));
        FileChooser chooser = page.waitForFileChooser(() ->
                page.locator("#import-upload vaadin-button, #import-upload [slot=add-button]").first().click());
        chooser.setFiles(new FilePayload("prompts.jsonl", "application/json", FILE.getBytes(StandardCharsets.UTF_8)));

        assertThat(page.getByTestId("import-error-line-2")).isVisible();
        assertThat(page.getByTestId("import-error-line-2")).containsText("Line 2");
        assertThat(page.locator("#import-apply")).isDisabled();
        screenshot("04-import-bad-line");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM prompts", Long.class)).isEqualTo(promptsBefore);
    }

    @Test
    void lines_without_the_projects_k_different_responses_are_bad_and_the_preview_shows_the_texts() {
        ProjectView k3 = new Fixtures(ctx).project(3, 1);
        login("admin", "admin");
        page.navigate(url("/admin/import"));
        page.locator("#import-project").click();
        page.locator("vaadin-select-item").filter(new Locator.FilterOptions().setHasText(k3.name())).first().click();
        page.locator("#import-text textarea").fill("""
                {"prompt": "Name a prime number.", "responses": ["7", "9 is prime.", "Eleven"]}
                {"prompt": "Two only.", "responses": ["a", "b"]}
                {"prompt": "Four.", "responses": ["a", "b", "c", "d"]}
                {"prompt": "Copies.", "responses": ["same", "other", "same"]}
                """);
        page.locator("#import-preview-pasted").click();

        assertThat(page.getByTestId("import-error-line-2")).hasText(
                "Line 2: has 2 responses; this project ranks exactly 3 per prompt (its K)");
        assertThat(page.getByTestId("import-error-line-3")).containsText("has 4 responses");
        assertThat(page.getByTestId("import-error-line-4")).containsText("responses 1 and 3 are the same text");
        assertThat(page.getByTestId("import-summary")).containsText("1 good, 3 bad");
        assertThat(page.getByTestId("import-sample-responses-1")).containsText("1. 7");
        assertThat(page.getByTestId("import-sample-responses-1")).containsText("2. 9 is prime.");
        assertThat(page.getByTestId("import-sample-responses-1")).containsText("3. Eleven");
        assertThat(page.locator("#import-apply")).isDisabled();
        screenshot("import-k-and-texts");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM prompts WHERE project_id = ?", Long.class, k3.id()))
                .isZero();
    }
}
