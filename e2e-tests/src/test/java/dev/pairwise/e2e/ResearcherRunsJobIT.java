package dev.pairwise.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import dev.pairwise.app.corpora.CorpusStore;
import dev.pairwise.app.demo.DemoProject;
import dev.pairwise.app.jobs.JobRequest;
import dev.pairwise.app.jobs.JobService;
import dev.pairwise.app.jobs.JobStatus;
import dev.pairwise.app.jobs.JobView;
import dev.pairwise.app.registry.CheckpointKind;
import dev.pairwise.app.registry.CheckpointView;
import dev.pairwise.app.registry.ModelRegistry;
import dev.pairwise.labeling.account.AccountRepository;
import dev.pairwise.labeling.demo.DemoDraft;
import dev.pairwise.labeling.demo.DemonstrationService;
import dev.pairwise.labeling.project.ProjectService;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * Issue 5 in the browser: a researcher starts a real SFT job from the generic form, watches its
 * loss chart grow while it runs (server push), and sees it finish with a registered checkpoint;
 * a labeler who types the jobs URL is refused. The base model it fine-tunes is made first by
 * real TOKENIZER and tiny PRETRAIN jobs through the job service. Own database and folders, so the
 * jobs leave nothing in ./data.
 */
@TestPropertySource(properties = {
        "spring.datasource.url=jdbc:h2:mem:e2ejobs;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
        "pairwise.jobs.checkpoint-dir=${java.io.tmpdir}/pairwise-e2e-jobs/checkpoints",
        "pairwise.jobs.corpus-dir=${java.io.tmpdir}/pairwise-e2e-jobs/corpora"})
class ResearcherRunsJobIT extends BrowserTestBase {

    private static final Pattern POINT = Pattern.compile("\\S+,\\S+");

    @Autowired
    JobService jobs;
    @Autowired
    ModelRegistry registry;
    @Autowired
    CorpusStore corpora;
    @Autowired
    DemonstrationService demos;
    @Autowired
    ProjectService projects;
    @Autowired
    AccountRepository accounts;

    @Test
    void a_researcher_starts_sft_from_the_form_watches_the_loss_chart_grow_and_sees_it_finish() {
        long base = baseModelAndApprovedDemonstrations();
        login("researcher", "researcher");
        page.getByTestId("nav-jobs").click();
        assertThat(page.locator("#jobs-grid")).isVisible();
        page.locator("#jobs-new").click();

        page.locator("#job-type").click();
        page.locator("vaadin-select-item").filter(new Locator.FilterOptions().setHasText("SFT")).first().click();
        assertThat(page.locator("#config-baseCheckpoint input")).hasValue(Pattern.compile("^#" + base + " "));
        // Out of range: refused on the field, nothing queued.
        int queuedBefore = jobs.recent(500).size();
        page.locator("#config-epochs input").fill("0");
        page.locator("#config-epochs input").press("Tab");
        page.locator("#job-submit").click();
        assertThat(page.locator("#config-epochs")).containsText("between 1 and 100");
        assertThat(page).hasURL(Pattern.compile(".*/jobs/new$"));
        assertThat(jobs.recent(500)).hasSize(queuedBefore);

        page.locator("#config-epochs input").fill("100"); // 300 steps: long enough to be seen growing
        page.locator("#config-batchSize input").fill("1");
        page.locator("#config-batchSize input").press("Tab");
        screenshot("20-start-sft-job");
        page.locator("#job-submit").click();

        page.waitForURL(Pattern.compile(".*/jobs/\\d+$"));
        Locator loss = page.locator("[data-testid=chart-loss] polyline[data-series=loss]");
        assertThat(loss).hasCount(1);
        List<Integer> seen = new ArrayList<>();
        Locator status = page.getByTestId("job-status");
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (!"SUCCEEDED".equals(status.getAttribute("data-status")) && System.nanoTime() < deadline) {
            int points = points(loss);
            if (seen.isEmpty() || seen.getLast() != points) {
                seen.add(points);
            }
            page.waitForTimeout(100);
        }
        assertThat(status).hasAttribute("data-status", "SUCCEEDED");
        seen.add(points(loss));
        // Pushed while running: the line was seen with more than one length before it was complete.
        assertThat(seen.stream().distinct().count()).as("point counts seen: %s", seen).isGreaterThanOrEqualTo(2);
        assertThat(seen.getLast()).isGreaterThan(seen.getFirst());
        assertThat(page.locator("[data-testid^=job-checkpoint-]")).containsText("(SFT)");
        screenshot("21-sft-job-finished");

        // The registry: the new checkpoint's lineage back to the tokenizer, and its folder as a zip.
        page.locator("[data-testid^=job-checkpoint-]").first().click();
        Locator lineage = page.getByTestId("model-lineage");
        assertThat(lineage).containsText("TOKENIZER");
        assertThat(lineage).containsText("BASE");
        assertThat(lineage).containsText("SFT");
        screenshot("22-model-lineage");
        Download zip = page.waitForDownload(() -> page.locator("#model-download").click());
        assertThat(zip.suggestedFilename()).endsWith(".zip");
        assertThat(entries(zip.path())).isNotEmpty().allMatch(name -> name.startsWith("model/"));
    }

    private static List<String> entries(Path zip) {
        List<String> names = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                names.add(e.getName());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return names;
    }

    @Test
    void a_labeler_opening_the_jobs_url_is_refused() {
        login("labeler", "labeler");
        assertThat(page.getByTestId("nav-jobs")).hasCount(0);
        page.navigate(url("/jobs"));
        assertThat(page.locator("#access-denied")).isVisible();
        assertThat(page.locator("#jobs-grid")).hasCount(0);
        page.navigate(url("/models"));
        assertThat(page.locator("#access-denied")).isVisible();
        assertThat(page.locator("#models-grid")).hasCount(0);
    }

    @Test
    void an_admin_sees_jobs_and_models_read_only() {
        login("admin", "admin");
        page.getByTestId("nav-jobs").click();
        assertThat(page.locator("#jobs-grid")).isVisible();
        assertThat(page.locator("#jobs-new")).hasCount(0);
        page.navigate(url("/jobs/new"));
        assertThat(page.locator("#access-denied")).isVisible();
        page.navigate(url("/models"));
        assertThat(page.locator("#models-grid")).isVisible();
    }

    private static int points(Locator polyline) {
        String points = polyline.getAttribute("points");
        return points == null ? 0 : (int) POINT.matcher(points).results().count();
    }

    /** A tiny base model from real TOKENIZER and PRETRAIN jobs, and a few approved demonstrations. */
    private long baseModelAndApprovedDemonstrations() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 40; i++) {
            text.append("The quick brown fox jumps over the lazy dog. A hash map stores keys and values; ")
                    .append("convert degrees with the formula and write clear commit messages.\n");
        }
        String corpus = corpora.save("e2e-jobs.txt", new ByteArrayInputStream(text.toString().getBytes(StandardCharsets.UTF_8))).name();
        JobView tokenizer = run("TOKENIZER", "{\"corpus\": \"" + corpus + "\", \"vocabSize\": 300}");
        long tokenizerId = producedBy(tokenizer, CheckpointKind.TOKENIZER);
        JobView pretrain = run("PRETRAIN", "{\"corpus\": \"" + corpus + "\", \"tokenizerCheckpoint\": " + tokenizerId
                + ", \"preset\": \"tiny\", \"steps\": 10, \"warmupSteps\": 1, \"batchSize\": 2, \"evalEvery\": 0}");
        long admin = accounts.findByUsername("admin").orElseThrow().getId();
        long labeler = accounts.findByUsername("labeler").orElseThrow().getId();
        // the seeded project lets labelers write demonstrations; other tests add projects that do not
        long project = projects.findByName(DemoProject.NAME).orElseThrow().id();
        for (String[] qa : List.of(new String[] {"Name a fruit.", "An apple."}, new String[] {"Say hello.", "Hello!"},
                new String[] {"What is 2+2?", "4."})) {
            // written by the labeler: nobody approves their own demonstration
            demos.review(admin, demos.create(labeler, new DemoDraft(project, qa[0], qa[1], true)).id(), true, "ok");
        }
        return producedBy(pretrain, CheckpointKind.BASE);
    }

    private JobView run(String type, String config) {
        JobView job = jobs.submit(new JobRequest(dev.pairwise.app.jobs.JobType.valueOf(type), config, "e2e-setup"));
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (!job.status().isFinal() && System.nanoTime() < deadline) {
            page.waitForTimeout(100);
            job = jobs.get(job.id());
        }
        assertThat(job.status()).as("%s job: %s", type, job.error()).isEqualTo(JobStatus.SUCCEEDED);
        return job;
    }

    private long producedBy(JobView job, CheckpointKind kind) {
        return registry.list(kind).stream().filter(c -> Long.valueOf(job.id()).equals(c.jobId()))
                .map(CheckpointView::id).findFirst().orElseThrow();
    }
}
