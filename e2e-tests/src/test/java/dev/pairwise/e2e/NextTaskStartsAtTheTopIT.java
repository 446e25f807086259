package dev.pairwise.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.options.BoundingBox;
import org.junit.jupiter.api.Test;

/**
 * On a phone-sized screen a labeler scrolls down to the buttons under the responses; after a
 * skip the next task opens at its prompt, not at the old scroll position.
 */
class NextTaskStartsAtTheTopIT extends BrowserTestBase {

    @Test
    void after_a_skip_the_next_task_opens_with_its_prompt_in_sight() {
        openPage(390, 700);
        login("labeler", "labeler");
        page.navigate(url("/label"));
        assertThat(page.getByTestId("prompt")).isVisible();
        String firstTask = page.getByTestId("task-id").textContent();

        page.getByTestId("skip").scrollIntoViewIfNeeded();
        BoundingBox promptBefore = page.getByTestId("prompt").boundingBox();
        assertThat(promptBefore.y + promptBefore.height).as("scrolled down: the prompt is above the screen").isLessThan(0);
        page.getByTestId("skip").click();

        assertThat(page.getByTestId("task-id")).not().hasText(firstTask);
        page.waitForFunction("() => { const p = document.querySelector('[data-testid=\"prompt\"]');"
                + " const r = p && p.getBoundingClientRect(); return r && r.top >= 0 && r.top < window.innerHeight; }");
        BoundingBox promptAfter = page.getByTestId("prompt").boundingBox();
        assertThat(promptAfter.y).as("the new prompt starts on screen").isBetween(0.0, 700.0);
        screenshot("next-task-at-top-phone");
    }
}
