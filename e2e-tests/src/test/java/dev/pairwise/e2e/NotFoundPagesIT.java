package dev.pairwise.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Response;
import org.junit.jupiter.api.Test;

/**
 * Addresses that lead nowhere: an unknown page answers HTTP 404, and a view opened for something
 * that does not exist ({@code /label/999}) says so in words; both inside the app frame, with the
 * navigation, never Vaadin's navigation exception or an empty page.
 */
class NotFoundPagesIT extends BrowserTestBase {

    @Test
    void an_unknown_address_answers_404_with_the_navigation() {
        login("labeler", "labeler");
        Response response = page.navigate(url("/no/such/page"));
        assertThat(response.status()).isEqualTo(404);
        assertThat(page.locator("#not-found")).isVisible();
        assertThat(page.getByTestId("not-found-detail")).containsText("There is no page at /no/such/page");
        assertThat(page.getByTestId("main-nav")).isVisible();
        screenshot("06-not-found");

        page.getByTestId("back-home").click();
        assertThat(page.locator("#not-found")).hasCount(0);
        assertThat(page.getByTestId("current-user")).isVisible();
    }

    @Test
    void labeling_a_project_that_does_not_exist_says_so_with_the_navigation() {
        login("labeler", "labeler");
        page.navigate(url("/label/999"));
        assertThat(page.locator("#not-found")).isVisible();
        assertThat(page.getByTestId("not-found-detail")).containsText("Project 999 does not exist.");
        assertThat(page.getByTestId("main-nav")).isVisible();
        assertThat(page.locator("body")).not().containsText("Exception");
        assertThat(page.locator("body")).not().containsText("navigat");
        screenshot("07-project-not-found");

        page.getByTestId("nav-label").click();
        assertThat(page.getByTestId("label-view")).isVisible();
    }
}
