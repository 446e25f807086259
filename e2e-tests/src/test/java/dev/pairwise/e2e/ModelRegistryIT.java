package dev.pairwise.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import dev.pairwise.app.jobs.JobRequest;
import dev.pairwise.app.jobs.JobService;
import dev.pairwise.app.jobs.JobStatus;
import dev.pairwise.app.jobs.JobType;
import dev.pairwise.app.jobs.JobView;
import dev.pairwise.app.registry.CheckpointKind;
import dev.pairwise.app.registry.CheckpointView;
import dev.pairwise.app.registry.ModelRegistry;
import dev.pairwise.app.registry.NewCheckpoint;
import dev.pairwise.labeling.Fixtures;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The researcher's screens: a job's checkpoint path is shown inside the data folder, not as a
 * server path; a click on a registry row opens the checkpoint (lineage, metrics with the
 * parameter count in full, download); a second click on another row compares the two; the EVAL
 * form does not preset Policy B to Policy A, and a file-based job's dataset reads "none".
 */
class ModelRegistryIT extends BrowserTestBase {

    @Autowired
    JobService jobs;
    @Autowired
    ModelRegistry registry;

    @Test
    void rows_open_checkpoints_two_compare_and_paths_stay_inside_the_data_folder() throws Exception {
        JobView job = jobs.submit(new JobRequest(JobType.TOKENIZER,
                "{\"corpus\": \"demo-corpus.txt\", \"algorithm\": \"char\"}", "researcher"));
        long deadline = System.currentTimeMillis() + 120_000;
        while (!jobs.get(job.id()).status().isFinal() && System.currentTimeMillis() < deadline) {
            Thread.sleep(250);
        }
        JobView done = jobs.get(job.id());
        assertThat(done.status()).as(String.valueOf(done.error())).isEqualTo(JobStatus.SUCCEEDED);
        CheckpointView tokenizer = registry.list(CheckpointKind.TOKENIZER).stream()
                .filter(c -> job.id() == (c.jobId() == null ? -1 : c.jobId())).findFirst().orElseThrow();
        CheckpointView base = registry.register(new NewCheckpoint(Fixtures.unique("base"), CheckpointKind.BASE,
                tokenizer.path(), tokenizer.id(), null, "{\"parameters\": 139840, \"val_loss\": 2.5}"));

        login("researcher", "researcher");
        page.navigate(url("/jobs"));
        Locator row = page.locator("#jobs-grid vaadin-grid-cell-content").filter(
                new Locator.FilterOptions().setHasText(Pattern.compile("^checkpoints/job-" + job.id() + "/")));
        assertThat(row.first()).isVisible();
        assertThat(page.locator("#jobs-grid")).not().containsText(done.checkpointPath());
        page.navigate(url("/jobs/" + job.id()));
        assertThat(page.locator(".job-fact").filter(new Locator.FilterOptions().setHasText("Dataset snapshot")))
                .hasText("Dataset snapshot: none");

        page.navigate(url("/models"));
        nameCell(base).click();
        assertThat(page.getByTestId("model-lineage")).containsText("#" + tokenizer.id());
        assertThat(page.locator("#model-metrics")).containsText("139,840");
        assertThat(page.locator("#model-download")).isVisible();
        screenshot("models-01-opened");
        nameCell(tokenizer).click(); // its name alone: the base row's parent cell names it too
        assertThat(page.locator("#models-compare")).isVisible();
        screenshot("models-02-compared");

        page.navigate(url("/jobs/new?type=EVAL"));
        assertThat(page.locator("#config-policyCheckpoint input")).hasValue(Pattern.compile("^#\\d+ "));
        String a = page.locator("#config-policyCheckpoint input").inputValue();
        assertThat(page.locator("#config-opponentCheckpoint input")).not().hasValue(a);
    }

    private Locator nameCell(CheckpointView c) {
        return page.locator("#models-grid").getByText(c.name(), new Locator.GetByTextOptions().setExact(true)).first();
    }
}
