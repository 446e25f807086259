package dev.pairwise.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.assertions.LocatorAssertions;
import dev.pairwise.app.openai.TinyChatCheckpoints;
import dev.pairwise.app.registry.CheckpointKind;
import dev.pairwise.app.registry.CheckpointView;
import dev.pairwise.app.registry.ModelRegistry;
import dev.pairwise.app.registry.NewCheckpoint;
import dev.pairwise.labeling.project.ProjectService;
import dev.pairwise.labeling.project.ProjectSettings;
import dev.pairwise.labeling.task.NewPrompt;
import dev.pairwise.labeling.task.Origin;
import dev.pairwise.labeling.task.TaskService;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 11 in the browser, with no stub: a researcher makes an API token under "My account", adds
 * a connection to the app's own {@code /v1} (which serves a tiny SFT checkpoint) with that token
 * as its key and tests it, then starts a SAMPLE job whose systems field mixes that connection (at
 * its own temperature) with another checkpoint into a K = 2 project. A labeler then works through
 * the project's tasks and no page shows a system, connection or model name, or a temperature.
 */
class ResearcherSamplesAMixIT extends BrowserTestBase {

    private static final int PROMPTS = 3;
    private static final double JOB_TIMEOUT_MS = 180_000;
    /** Every name of a system in this test starts with it, so one search finds any of them. */
    private static final String MARK = "mixsys";

    @Autowired
    ModelRegistry registry;
    @Autowired
    ProjectService projects;
    @Autowired
    TaskService tasks;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void a_researcher_samples_a_mix_of_a_connection_and_a_checkpoint_and_the_labeler_sees_no_system() {
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        String served = MARK + "-served-sft-10-" + suffix;
        CheckpointView local = registry.register(new NewCheckpoint(MARK + "-local-sft-5-" + suffix, CheckpointKind.SFT,
                TinyChatCheckpoints.fiveSteps().toString(), null, null, null));
        registry.register(new NewCheckpoint(served, CheckpointKind.SFT, TinyChatCheckpoints.tenSteps().toString(),
                null, null, null));
        String connection = MARK + "-own-v1-" + suffix;
        String source = "Mix prompts " + suffix;
        String target = "Mix target " + suffix;
        long sourceId = projects.create(new ProjectSettings(source, "", 2, 1, true, false, 30)).id();
        List<NewPrompt> prompts = new ArrayList<>();
        for (int i = 0; i < PROMPTS; i++) {
            prompts.add(new NewPrompt(TinyChatCheckpoints.prompt(i), List.of(
                    new NewPrompt.NewResponse("x", Origin.imported("seed")),
                    new NewPrompt.NewResponse("y", Origin.imported("seed")))));
        }
        tasks.storeAll(sourceId, prompts);
        long targetId = projects.create(new ProjectSettings(target, "Rank the answers.", 2, 1, true, false, 30)).id();

        // An API token of the researcher's own, made in the browser: the connection's key to /v1.
        login("researcher", "researcher");
        page.getByTestId("nav-my-account").click();
        page.locator("#token-name input").fill("own v1 " + suffix);
        page.locator("#token-create").click();
        String token = page.getByTestId("token-secret").textContent().strip();
        assertThat(token).isNotBlank();

        page.getByTestId("nav-connections").click();
        page.locator("#connection-new").click();
        page.locator("#connection-name input").fill(connection);
        page.locator("#connection-model input").fill(served);
        page.locator("#connection-base-url input").fill(url("/v1"));
        page.locator("#connection-api-key input").fill(token);
        page.locator("#connection-save-test").click();
        // /v1 answered the test chat with the served checkpoint's own words, authenticated by the token.
        assertThat(page.getByTestId("connection-form-test-result")).containsText("OK in",
                new LocatorAssertions.ContainsTextOptions().setTimeout(60_000));
        assertThat(page.getByTestId("connection-form-test-result")).containsText(served + " replied:");
        screenshot("mix-01-connection-to-own-v1");
        page.locator("#connection-close").click();
        assertThat(page.locator("#connections-grid")).containsText(connection);

        // SAMPLE with a mix: one response per prompt from the connection at 0.8, one from the local checkpoint.
        JobFormDriver form = new JobFormDriver(page).open("SAMPLE", "maxPrompts");
        form.pick("projectId", target).pick("sourceProjectId", source).set("maxPrompts", PROMPTS).set("maxNewTokens", 12);
        page.locator("#config-systems-add").click();
        page.locator("#config-systems-add").click();
        form.pick("systems-0-system", "Connection: " + connection).set("systems-0-temperature", 0.8);
        form.pick("systems-1-system", "#" + local.id() + " " + local.name());
        assertThat(page.locator("#config-systems-0-count input")).hasValue("1");
        assertThat(page.locator("#config-systems-1-count input")).hasValue("1");
        assertThat(form.shown("policyCheckpoint")).as("the mix replaces the single policy").isEmpty();
        screenshot("mix-02-sample-form-with-systems");
        long job = form.submitAndAwait(JOB_TIMEOUT_MS);
        assertThat(page.getByTestId("job-log")).containsText("1 x connection " + connection);
        assertThat(page.getByTestId("job-log")).containsText("1 x checkpoint " + local.name());
        screenshot("mix-03-sample-succeeded");

        // Stored: every prompt's two responses, one from each system, the connection's at its temperature.
        List<Map<String, Object>> origins = jdbc.queryForList("SELECT r.origin_model, r.origin_settings FROM responses r"
                + " JOIN prompts p ON p.id = r.prompt_id WHERE p.project_id = ? ORDER BY r.id", targetId);
        assertThat(origins).hasSize(2 * PROMPTS);
        assertThat(origins).filteredOn(o -> connection.equals(o.get("origin_model"))).hasSize(PROMPTS)
                .allSatisfy(o -> assertThat((String) o.get("origin_settings")).contains("\"temperature\":0.8")
                        .contains("\"model\":\"" + served + "\"").contains("\"job\":" + job));
        assertThat(origins).filteredOn(o -> local.name().equals(o.get("origin_model"))).hasSize(PROMPTS);

        // A labeler works through the tasks: two answers each, and no word of where they came from.
        openPage(1400, 1000);
        login("labeler", "labeler");
        page.navigate(url("/label/" + targetId));
        Locator taskId = page.getByTestId("task-id");
        Locator done = page.getByTestId("no-task");
        List<Long> seen = new ArrayList<>();
        for (int i = 0; i <= PROMPTS; i++) {
            taskId.or(done).first().waitFor();
            if (done.isVisible()) {
                break;
            }
            long id = Long.parseLong(taskId.getAttribute("data-task-id"));
            seen.add(id);
            assertThat(page.getByTestId("response-card-2")).isVisible();
            assertThat(page.locator("[data-testid^=response-card-]")).hasCount(2);
            // The text a person can read, then the whole HTML (attributes, hidden elements) for the names.
            Locator body = page.locator("body");
            for (String hidden : List.of(MARK, connection, served, local.name(), "Connection:", "emperature")) {
                assertThat(body).not().containsText(hidden, new LocatorAssertions.ContainsTextOptions().setUseInnerText(true));
            }
            assertThat(page.content()).doesNotContain(MARK);
            if (i == 0) {
                screenshot("mix-04-labeler-sees-no-system");
            }
            page.locator("body").click(new Locator.ClickOptions().setPosition(2, 2));
            page.keyboard().press("1");
            page.keyboard().press("2");
            page.keyboard().press("Control+Enter");
            page.locator("[data-testid=no-task], [data-testid=task-id]:not([data-task-id='" + id + "'])").first().waitFor();
        }
        assertThat(seen).hasSize(PROMPTS).doesNotHaveDuplicates();
        assertThat(done).isVisible();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM judgments WHERE project_id = ?", Long.class, targetId))
                .isEqualTo(PROMPTS);
    }
}
