package dev.pairwise.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** A labeler ranks the four demo responses with the keyboard alone, one tie included. */
class LabelerRanksWithKeyboardIT extends BrowserTestBase {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void a_keyboard_ranking_with_one_tie_stores_one_judgment_and_five_pairs() {
        long judgmentsBefore = count("judgments");
        login("labeler", "labeler");
        page.navigate(url("/label"));
        assertThat(page.getByTestId("response-card-4")).isVisible();
        assertThat(page.getByTestId("keyboard-help")).isVisible();
        screenshot("01-comparison-screen");

        // Tiers: {1}, {2, 3}, {4} — the tie removes one of the six pairs.
        page.locator("body").click(new com.microsoft.playwright.Locator.ClickOptions().setPosition(2, 2));
        page.keyboard().press("1");
        page.keyboard().press("2");
        page.keyboard().press("3");
        page.keyboard().press("t");
        page.keyboard().press("4");
        assertThat(page.getByTestId("tier-3")).isVisible();
        assertThat(page.getByTestId("tier-2").getByTestId("chip-3")).isVisible();

        page.getByTestId("likert-1-6").click();
        page.getByTestId("flag-4-UNTRUTHFUL").click();
        screenshot("02-ranked-with-tie");
        page.locator("body").click(new com.microsoft.playwright.Locator.ClickOptions().setPosition(2, 2));
        page.keyboard().press("Control+Enter");

        // The next task arrives once the judgment is stored.
        assertThat(page.getByTestId("response-rank-1")).not().containsText("1");
        long judgment = jdbc.queryForObject("SELECT MAX(id) FROM judgments", Long.class);
        assertThat(count("judgments")).isEqualTo(judgmentsBefore + 1);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM preference_pairs WHERE judgment_id = ?", Long.class, judgment))
                .isEqualTo(5);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM response_ratings WHERE judgment_id = ?", Long.class, judgment))
                .isGreaterThanOrEqualTo(2);
        screenshot("03-next-task");
    }

    private long count(String table) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Long.class);
    }
}
