package dev.pairwise.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * A form with several wrong fields marks all of them at once, each beside its field and in the
 * form's words (labels, not config names), with no notification over the form.
 */
class FormErrorsIT extends BrowserTestBase {

    @Test
    void the_job_form_marks_every_wrong_field_at_once_beside_the_field() {
        login("researcher", "researcher");
        page.navigate(url("/jobs/new?type=SFT"));
        page.locator("#config-epochs input").fill("0");
        page.locator("#config-learningRate input").fill("5");
        page.locator("#config-learningRate input").press("Tab");
        page.locator("#job-submit").click();

        assertThat(page.locator("#config-epochs")).containsText("Epochs must be between 1 and 100, was 0");
        assertThat(page.locator("#config-learningRate")).containsText("Learning rate must be between");
        assertThat(page.locator("#job-form-errors")).containsText("marked fields");
        assertThat(page.locator("#job-form-errors")).containsText("Epochs, ");
        assertThat(page.locator("#job-form-errors")).containsText("Learning rate");
        assertThat(page.locator("#job-form-errors")).not().containsText("config.");
        assertThat(page.getByTestId("notification-error")).hasCount(0);
        screenshot("form-errors-job");
    }

    @Test
    void the_project_form_marks_name_k_and_overlap_together() {
        login("admin", "admin");
        page.navigate(url("/admin/projects"));
        page.locator("#project-name input").fill("");
        page.locator("#project-k input").fill("12");
        page.locator("#project-overlap input").fill("0");
        page.locator("#project-overlap input").press("Tab");
        page.locator("#project-save").click();

        assertThat(page.locator("#project-name")).containsText("Give the project a name.");
        assertThat(page.locator("#project-k")).containsText("K must be a whole number from 2 to 9.");
        assertThat(page.locator("#project-overlap")).containsText("Overlap must be a whole number from 1 to 100.");
        assertThat(page.getByTestId("notification-error")).hasCount(0);
        screenshot("form-errors-project");

        page.locator("#project-name input").fill("Demo: helpful answers"); // taken by the demo project
        page.locator("#project-k input").fill("3");
        page.locator("#project-overlap input").fill("1");
        page.locator("#project-overlap input").press("Tab");
        page.locator("#project-save").click();
        assertThat(page.locator("#project-name")).containsText("already exists");
        assertThat(page.locator("#project-k")).not().hasAttribute("invalid", "");
    }

    @Test
    void the_new_user_form_marks_username_name_password_and_roles_together() {
        login("admin", "admin");
        page.navigate(url("/admin/users"));
        page.locator("#user-new").click();
        page.locator("#user-username input").fill("Has Space");
        page.locator("#user-password input").fill("short");
        page.locator("#user-role-choice vaadin-checkbox").first().click(); // unticks the preset Labeler
        page.locator("#user-save").click();

        assertThat(page.locator("#user-username")).containsText("Username: 2-64 characters");
        assertThat(page.locator("#user-display-name")).containsText("Display name: 1 to 128 characters.");
        assertThat(page.locator("#user-password")).containsText("Password: at least 8 characters.");
        assertThat(page.locator("#user-role-choice")).containsText("Roles: choose at least one role.");
        assertThat(page.getByTestId("notification-error")).hasCount(0);
        screenshot("form-errors-user");
    }

    @Test
    void the_demonstration_editor_marks_an_empty_instruction_and_response_together() {
        login("admin", "admin");
        page.navigate(url("/demonstrations"));
        page.locator("#demo-new").click();
        page.locator("#demo-submit").click();

        assertThat(page.locator("#demo-instruction")).containsText("Instruction must not be empty");
        assertThat(page.locator("#demo-response")).containsText("Response must not be empty");
        assertThat(page.getByTestId("notification-error")).hasCount(0);
        screenshot("form-errors-demonstration");
    }
}
