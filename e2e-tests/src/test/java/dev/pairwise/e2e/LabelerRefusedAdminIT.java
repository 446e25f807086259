package dev.pairwise.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import org.junit.jupiter.api.Test;

/** Role gates hold in the browser: a labeler who types an admin URL does not get the view. */
class LabelerRefusedAdminIT extends BrowserTestBase {

    @Test
    void a_labeler_opening_an_admin_url_is_refused() {
        login("labeler", "labeler");
        page.navigate(url("/admin/users"));
        assertThat(page.locator("#users-grid")).hasCount(0);
        assertThat(page.locator("#access-denied")).isVisible();
        screenshot("05-labeler-refused");

        page.navigate(url("/export"));
        assertThat(page.locator("#access-denied")).isVisible();
    }
}
