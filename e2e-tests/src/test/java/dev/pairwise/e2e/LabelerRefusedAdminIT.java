package dev.pairwise.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Response;
import org.junit.jupiter.api.Test;

/**
 * Role gates hold in the browser: a labeler who types an admin URL does not get the view; the
 * page answers HTTP 403 and keeps the app's navigation, which lists only what a labeler may open.
 */
class LabelerRefusedAdminIT extends BrowserTestBase {

    @Test
    void a_labeler_opening_an_admin_url_is_refused() {
        login("labeler", "labeler");
        Response users = page.navigate(url("/admin/users"));
        assertThat(users.status()).isEqualTo(403);
        assertThat(page.locator("#access-denied")).isVisible();
        assertThat(page.getByTestId("access-denied-detail")).containsText("/admin/users");
        assertThat(page.locator("#users-grid")).hasCount(0);
        assertThat(page.getByTestId("main-nav")).isVisible();
        assertThat(page.getByTestId("nav-label")).isVisible();
        assertThat(page.getByTestId("nav-users")).hasCount(0);
        screenshot("05-labeler-refused");

        Response export = page.navigate(url("/export"));
        assertThat(export.status()).isEqualTo(403);
        assertThat(page.locator("#access-denied")).isVisible();

        page.getByTestId("nav-label").click();
        assertThat(page.getByTestId("label-view")).isVisible();
    }
}
