package dev.pairwise.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FilePayload;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Drives the generic job start form ({@code /jobs/new}) and the job page the way a researcher
 * does: open the form from the jobs list, pick the type, fill fields by their {@code config-<name>}
 * ids, choose projects in combo boxes, upload a corpus, submit, and wait on the job page until the
 * status says the job has finished.
 */
final class JobFormDriver {

    private static final Pattern JOB_URL = Pattern.compile(".*/jobs/(\\d+)$");
    private static final String FINAL = "[data-testid=job-status][data-status=SUCCEEDED],"
            + "[data-testid=job-status][data-status=FAILED],[data-testid=job-status][data-status=CANCELLED]";

    private final Page page;

    JobFormDriver(Page page) {
        this.page = page;
    }

    /** From the navigation: Jobs, "New job", then the type in the select; waits for its form. */
    JobFormDriver open(String type, String someField) {
        page.getByTestId("nav-jobs").click();
        page.locator("#jobs-new").click();
        page.waitForURL(Pattern.compile(".*/jobs/new.*"));
        page.locator("#job-type").click();
        page.locator("vaadin-select-item")
                .filter(new Locator.FilterOptions().setHasText(Pattern.compile("^\\s*" + type + "\\s*$"))).first().click();
        assertThat(page.locator("#job-type")).containsText(type);
        assertThat(page.locator("#config-" + someField)).isVisible();
        return this;
    }

    /** Types a number or text into a field and leaves it, so the value reaches the server. */
    JobFormDriver set(String field, Object value) {
        Locator input = page.locator("#config-" + field + " input");
        input.fill(value.toString());
        input.press("Tab");
        return this;
    }

    /** Opens a combo box (project or checkpoint), filters by {@code text} and clicks the match. */
    JobFormDriver pick(String field, String text) {
        Locator input = page.locator("#config-" + field + " input");
        input.click();
        input.fill(text);
        page.locator("vaadin-combo-box-item:visible").filter(new Locator.FilterOptions().setHasText(text)).first().click();
        // Playwright runs the pattern as a JavaScript regex, which has no \Q..\E quoting.
        assertThat(input).hasValue(Pattern.compile(".*" + text.replaceAll("[.*+?^${}()|\\[\\]\\\\]", "\\\\$0") + ".*"));
        return this;
    }

    /** The text a combo box or field shows. */
    String shown(String field) {
        return page.locator("#config-" + field + " input").inputValue();
    }

    /** Uploads a text corpus through the field's upload control and waits until it is selected. */
    JobFormDriver upload(String field, String fileName, String text) {
        page.locator("#config-" + field + "-upload input[type=file]")
                .setInputFiles(new FilePayload(fileName, "text/plain", text.getBytes(StandardCharsets.UTF_8)));
        assertThat(page.locator("#config-" + field + " input")).hasValue(fileName);
        return this;
    }

    /**
     * Starts the job, waits on its page until it has finished (the status the page pushes), and
     * returns its id; fails with the job's error when it did not succeed.
     */
    long submitAndAwait(double timeoutMs) {
        page.locator("#job-submit").click();
        page.waitForURL(JOB_URL);
        Matcher m = JOB_URL.matcher(page.url());
        assertThat(m.matches()).as(page.url()).isTrue();
        long id = Long.parseLong(m.group(1));
        page.locator(FINAL).waitFor(new Locator.WaitForOptions().setTimeout(timeoutMs));
        String status = page.getByTestId("job-status").getAttribute("data-status");
        if (!"SUCCEEDED".equals(status)) {
            throw new AssertionError("job " + id + " ended " + status + ": " + text("job-error") + " / log: " + text("job-log"));
        }
        return id;
    }

    /** An element's text, or "" when the page has not rendered it (Flow leaves hidden ones out). */
    private String text(String testId) {
        Locator l = page.getByTestId(testId);
        return l.count() == 0 ? "" : l.first().textContent();
    }
}
