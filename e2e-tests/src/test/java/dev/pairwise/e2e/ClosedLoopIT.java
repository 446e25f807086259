package dev.pairwise.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import dev.pairwise.app.registry.CheckpointKind;
import dev.pairwise.app.registry.CheckpointView;
import dev.pairwise.app.registry.ModelRegistry;
import dev.pairwise.labeling.project.ProjectService;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Issue 5's closed loop in a real Chromium against the real app, with tiny configurations and
 * every step through the browser: an admin creates a K=2 project and approves the demo's waiting
 * demonstrations; a researcher uploads a corpus and runs TOKENIZER → PRETRAIN → SFT from the
 * generic job form, then SAMPLE from the SFT model into the project; a labeler ranks those tasks
 * with the keyboard; the researcher trains REWARD and DPO on the pairs just made and samples again
 * from the DPO policy; the labeler's queue then holds tasks whose responses the DPO policy wrote
 * (its checkpoint recorded as their origin, never shown on the page). Prints how long the set-up
 * and the loop took. Own database and temporary folders, removed afterwards.
 */
class ClosedLoopIT extends BrowserTestBase {

    private static final Path TMP;
    private static final int PROMPTS = 3;
    private static final double JOB_TIMEOUT_MS = 240_000;

    static {
        try {
            TMP = Files.createTempDirectory("pairwise-e2e-loop");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @DynamicPropertySource
    static void ownDatabaseAndFolders(DynamicPropertyRegistry props) {
        props.add("spring.datasource.url", () -> "jdbc:h2:mem:e2eloop;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
                + "DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
        props.add("pairwise.jobs.checkpoint-dir", () -> TMP.resolve("checkpoints").toString());
        props.add("pairwise.jobs.corpus-dir", () -> TMP.resolve("corpora").toString());
    }

    @AfterAll
    static void removeFolders() throws IOException {
        try (Stream<Path> all = Files.walk(TMP)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    @Autowired
    ProjectService projects;
    @Autowired
    ModelRegistry registry;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void sample_label_reward_dpo_sample_again_reaches_the_labelers_queue_from_the_browser() {
        long start = System.nanoTime();
        String projectName = "Closed loop " + Long.toString(System.nanoTime(), 36);
        as("admin");
        long project = createProject(projectName, 2);
        approveWaitingDemonstrations();

        as("researcher");
        JobFormDriver form = new JobFormDriver(page);
        form.open("TOKENIZER", "vocabSize").upload("corpus", "loop-corpus.txt", corpus()).set("vocabSize", 300);
        long tokenizer = checkpointOf(form.submitAndAwait(JOB_TIMEOUT_MS), CheckpointKind.TOKENIZER).id();
        form.open("PRETRAIN", "steps").pick("corpus", "loop-corpus.txt").set("steps", 10).set("batchSize", 2)
                .set("warmupSteps", 1).set("evalEvery", 0);
        assertThat(form.shown("tokenizerCheckpoint")).startsWith("#" + tokenizer + " ");
        CheckpointView base = checkpointOf(form.submitAndAwait(JOB_TIMEOUT_MS), CheckpointKind.BASE);
        form.open("SFT", "epochs").set("epochs", 2).set("batchSize", 2);
        assertThat(form.shown("baseCheckpoint")).startsWith("#" + base.id() + " ");
        CheckpointView sft = checkpointOf(form.submitAndAwait(JOB_TIMEOUT_MS), CheckpointKind.SFT);
        long loopStart = System.nanoTime();

        // 1. Sample K=2 responses to the demo's first prompts from the SFT model into the new project.
        sample(form, projectName, sft, true);
        screenshot("loop-01-sampled-from-sft");
        assertThat(originsOfProject(project)).containsOnlyKeys(sft.name()).containsEntry(sft.name(), 2L * PROMPTS);

        // 2. A labeler ranks them with the keyboard.
        as("labeler");
        List<Long> ranked = rankAll(project);
        assertThat(ranked).hasSize(PROMPTS);
        assertThat(count("SELECT COUNT(*) FROM preference_pairs WHERE project_id = ?", project)).isEqualTo(PROMPTS);

        // 3. Reward model and DPO on those pairs, then sample again from the DPO policy.
        as("researcher");
        // the default backbone is the pretrained all-MiniLM-L6-v2: no checkpoint of ours to start from
        form.open("REWARD", "epochs").pick("projectId", projectName).set("batchSize", 2);
        assertThat(form.shown("baseCheckpoint")).isEmpty();
        CheckpointView reward = checkpointOf(form.submitAndAwait(JOB_TIMEOUT_MS), CheckpointKind.REWARD);
        assertThat(reward.parentId()).isNull();
        form.open("DPO", "beta").pick("projectId", projectName).set("batchSize", 2);
        assertThat(form.shown("policyCheckpoint")).startsWith("#" + sft.id() + " ");
        long dpoJob = form.submitAndAwait(JOB_TIMEOUT_MS);
        assertThat(count("SELECT COUNT(*) FROM job_dataset_items WHERE job_id = ?", dpoJob)).isEqualTo(PROMPTS);
        CheckpointView policy = checkpointOf(dpoJob, CheckpointKind.POLICY);
        assertThat(policy.parentId()).isEqualTo(sft.id());
        sample(form, projectName, policy, false);
        screenshot("loop-02-sampled-from-dpo");
        assertThat(originsOfProject(project)).containsOnly(Map.entry(sft.name(), 2L * PROMPTS),
                Map.entry(policy.name(), 2L * PROMPTS));

        // 4. The labeler's queue now offers the DPO policy's responses, without naming it.
        as("labeler");
        page.navigate(url("/label/" + project));
        Locator taskId = page.getByTestId("task-id");
        assertThat(taskId).isVisible();
        long task = Long.parseLong(taskId.getAttribute("data-task-id"));
        long loopMillis = (System.nanoTime() - loopStart) / 1_000_000;
        assertThat(ranked).doesNotContain(task);
        assertThat(page.getByTestId("response-card-2")).isVisible();
        assertThat(page.locator("[data-testid^=response-card-]")).hasCount(2);
        List<Map<String, Object>> responses = jdbc.queryForList("SELECT r.origin_kind, r.origin_model FROM task_responses tr"
                + " JOIN responses r ON r.id = tr.response_id WHERE tr.task_id = ?", task);
        assertThat(responses).hasSize(2).allSatisfy(r -> {
            assertThat(r.get("origin_kind")).isEqualTo("MODEL");
            assertThat(r.get("origin_model")).isEqualTo(policy.name());
        });
        Locator body = page.locator("body");
        assertThat(body).not().containsText(policy.name());
        assertThat(body).not().containsText(sft.name());
        assertThat(body).not().containsText("-job");
        screenshot("loop-03-labeler-sees-dpo-responses");

        System.out.printf("ClosedLoopIT: set-up (tokenizer, pretrain, SFT) %d ms; loop (sample -> label -> reward -> DPO"
                + " -> sample -> in the labeler's queue) %d ms; whole test %d ms%n",
                (loopStart - start) / 1_000_000, loopMillis, (System.nanoTime() - start) / 1_000_000);
    }

    /** Signs out whoever is signed in (the session cookie goes) and signs in as {@code user}. */
    private void as(String user) {
        context.clearCookies();
        login(user, user);
    }

    /** The admin's project form: a name and K, the rest at its defaults. */
    private long createProject(String name, int k) {
        page.navigate(url("/admin/projects"));
        page.locator("#project-new").click();
        page.locator("#project-name input").fill(name);
        page.locator("#project-k input").fill(Integer.toString(k));
        page.locator("#project-k input").press("Tab");
        page.locator("#project-save").click();
        assertThat(page.locator("#projects-grid")).containsText(name);
        return projects.findByName(name).orElseThrow().id();
    }

    /** The admin approves the demonstrations the demo labeler submitted, so SFT has a few. */
    private void approveWaitingDemonstrations() {
        for (String instruction : List.of("Explain what a hash map is in two", "Give me three tips for writing")) {
            page.navigate(url("/demonstrations"));
            page.click("#demos-grid >> text=" + instruction);
            page.locator("#demo-approve").click();
            assertThat(page.locator("#demo-approve")).hasCount(0);
        }
        assertThat(count("SELECT COUNT(*) FROM demonstrations WHERE status = 'APPROVED'", null)).isGreaterThanOrEqualTo(3);
    }

    /** A SAMPLE job into the loop project: the demo's first prompts the first time, the project's own after. */
    private void sample(JobFormDriver form, String project, CheckpointView from, boolean fromDemoPrompts) {
        form.open("SAMPLE", "maxPrompts");
        form.pick("projectId", project);
        if (fromDemoPrompts) {
            form.pick("sourceProjectId", "Demo: helpful answers");
        }
        form.set("maxPrompts", PROMPTS).set("maxNewTokens", 12);
        // The newest checkpoint a policy can be is preselected: the one just trained.
        assertThat(form.shown("policyCheckpoint")).isEqualTo("#" + from.id() + " " + from.name() + " (" + from.kind() + ")");
        form.submitAndAwait(JOB_TIMEOUT_MS);
    }

    /** Ranks every task the labeler's queue offers in the project: 1 above 2, Ctrl+Enter. */
    private List<Long> rankAll(long project) {
        page.navigate(url("/label/" + project));
        List<Long> tasks = new java.util.ArrayList<>();
        Locator taskId = page.getByTestId("task-id");
        Locator done = page.getByTestId("no-task");
        for (int i = 0; i <= PROMPTS; i++) {
            taskId.or(done).first().waitFor();
            if (done.isVisible()) {
                break;
            }
            long id = Long.parseLong(taskId.getAttribute("data-task-id"));
            tasks.add(id);
            assertThat(page.getByTestId("response-card-2")).isVisible();
            assertThat(page.locator("body")).not().containsText("-job"); // no checkpoint name on the page
            page.locator("body").click(new Locator.ClickOptions().setPosition(2, 2));
            page.keyboard().press("1");
            page.keyboard().press("2");
            page.keyboard().press("Control+Enter");
            // The next task (or the end of the queue) replaces this one once the judgment is stored.
            page.locator("[data-testid=no-task], [data-testid=task-id]:not([data-task-id='" + id + "'])").first().waitFor();
        }
        assertThat(done).isVisible();
        screenshot("loop-labeler-queue-empty");
        return tasks;
    }

    private CheckpointView checkpointOf(long job, CheckpointKind kind) {
        return registry.list(kind).stream().filter(c -> Long.valueOf(job).equals(c.jobId())).findFirst().orElseThrow();
    }

    private Map<String, Long> originsOfProject(long project) {
        Map<String, Long> byModel = new java.util.TreeMap<>();
        jdbc.queryForList("SELECT r.origin_model, COUNT(*) AS n FROM responses r JOIN prompts p ON p.id = r.prompt_id"
                + " WHERE p.project_id = ? AND r.origin_kind = 'MODEL' GROUP BY r.origin_model", project)
                .forEach(row -> byModel.put((String) row.get("origin_model"), ((Number) row.get("n")).longValue()));
        return byModel;
    }

    private long count(String sql, Long arg) {
        return arg == null ? jdbc.queryForObject(sql, Long.class) : jdbc.queryForObject(sql, Long.class, arg);
    }

    /** A tiny training text: a few sentences the tokenizer and the base model learn in seconds. */
    private static String corpus() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 40; i++) {
            text.append("The quick brown fox jumps over the lazy dog. A hash map stores keys and values; ")
                    .append("convert degrees with the formula and write clear commit messages.\n");
        }
        return text.toString();
    }
}
