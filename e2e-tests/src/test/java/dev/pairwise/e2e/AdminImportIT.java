package dev.pairwise.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.FileChooser;
import com.microsoft.playwright.options.FilePayload;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** An admin uploads a JSONL file with one bad line: its line number is shown, nothing lands. */
class AdminImportIT extends BrowserTestBase {

    private static final String FILE = """
            {"prompt": "Name a prime number.", "responses": ["7", "9 is prime."]}
            {"prompt": "Only one response here.", "responses": ["lonely"]}
            {"prompt": "What is 2+2?", "responses": ["4", "5"]}
            """;

    @Autowired
    JdbcTemplate jdbc;

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
}
