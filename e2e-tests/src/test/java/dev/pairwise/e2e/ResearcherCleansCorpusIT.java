package dev.pairwise.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pairwise.app.corpora.CorpusStore;
import dev.pairwise.app.jobs.JobService;
import dev.pairwise.app.registry.CheckpointKind;
import dev.pairwise.app.registry.CheckpointView;
import dev.pairwise.app.registry.ModelRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Issue 14 in the browser: a researcher uploads a small web-like corpus (English paragraphs, an
 * exact copy, a near copy, German paragraphs, one too short to keep), runs CORPUS from the job
 * form, follows the job page's link to the cleaning report and reads what each stage removed,
 * finds the cleaned corpus in the corpus list, and trains a tokenizer and a tiny GPT on it.
 * Own database and temporary folders, removed afterwards.
 */
class ResearcherCleansCorpusIT extends BrowserTestBase {

    private static final Path TMP;
    private static final double JOB_TIMEOUT_MS = 240_000;

    static {
        try {
            TMP = Files.createTempDirectory("pairwise-e2e-corpus");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @DynamicPropertySource
    static void ownDatabaseAndFolders(DynamicPropertyRegistry props) {
        props.add("spring.datasource.url", () -> "jdbc:h2:mem:e2ecorpus;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
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
    JobService jobs;
    @Autowired
    ModelRegistry registry;

    @Test
    void a_researcher_cleans_an_upload_reads_the_report_and_pretrains_on_the_cleaned_corpus() {
        login("researcher", "researcher");
        JobFormDriver form = new JobFormDriver(page);
        form.open("CORPUS", "nearDupThreshold").upload("corpus", "crawl.txt", corpus()).set("languages", "en")
                .set("minWords", 20);
        screenshot("corpus-01-start-cleaning");
        long cleaning = form.submitAndAwait(JOB_TIMEOUT_MS);
        String cleaned = CorpusStore.cleanedName("crawl.txt", cleaning);

        page.getByTestId("job-corpus-report").click();
        page.waitForURL("**/corpora/" + cleaned);
        assertThat(page.getByTestId("corpus-report-lineage")).containsText("Cleaned from crawl.txt by job #" + cleaning);
        assertThat(page.getByTestId("corpus-report-lineage")).containsText("14 documents in, 8 out");
        // in, removed, out per stage, in pipeline order
        stage("language", "14", "2", "12");
        stage("quality", "12", "1", "11");
        stage("exact_dedup", "11", "1", "10");
        stage("near_dedup", "10", "2", "8");
        assertThat(page.getByTestId("corpus-report-examples")).containsText("near duplicate of crawl.txt#2");
        assertThat(page.getByTestId("corpus-report-examples")).containsText("Der Zug nach Hamburg");
        assertThat(page.getByTestId("corpus-report-languages")).containsText("de");
        assertThat(page.getByTestId("corpus-report-near-clusters").locator("td")).hasText(new String[] {"3", "1"});
        assertThat(page.getByTestId("corpus-report-pii")).containsText("1 replaced");
        assertThat(page.getByTestId("corpus-report-settings")).containsText("near_dedup");
        screenshot("corpus-02-cleaning-report");

        page.getByTestId("nav-corpora").click();
        assertThat(page.getByTestId("corpus-report-" + cleaned)).isVisible();
        assertThat(page.locator("#corpora-grid")).containsText("crawl.txt");

        // nearly bytes (4 merges): the 8 kept paragraphs then give the tiny model enough tokens to hold out 10%
        form.open("TOKENIZER", "vocabSize").pick("corpus", cleaned).set("vocabSize", 260);
        long tokenizer = checkpointOf(form.submitAndAwait(JOB_TIMEOUT_MS), CheckpointKind.TOKENIZER).id();
        form.open("PRETRAIN", "steps").pick("corpus", cleaned).set("steps", 10).set("batchSize", 2)
                .set("warmupSteps", 1).set("evalEvery", 0);
        assertThat(form.shown("tokenizerCheckpoint")).startsWith("#" + tokenizer + " ");
        long pretrain = form.submitAndAwait(JOB_TIMEOUT_MS);
        CheckpointView base = checkpointOf(pretrain, CheckpointKind.BASE);
        assertThat(jobs.get(pretrain).config()).contains("\"corpus\":\"" + cleaned + "\"");
        screenshot("corpus-03-pretrained-on-cleaned");
    }

    /** The report's row for a stage: its name, documents in, removed and out. */
    private void stage(String name, String in, String removed, String out) {
        assertThat(page.getByTestId("corpus-stage-" + name).locator("td")).hasText(new String[] {name, in, removed, out});
    }

    private CheckpointView checkpointOf(long jobId, CheckpointKind kind) {
        return registry.list(kind).stream().filter(c -> Long.valueOf(jobId).equals(c.jobId())).findFirst()
                .orElseThrow(() -> new AssertionError("job " + jobId + " registered no " + kind));
    }

    /**
     * 14 paragraphs: 8 distinct English ones (one with an e-mail address), an exact copy of the
     * first (case and spacing changed), two near copies of the second (last word changed; the
     * second copy also its first), two German ones and one English sentence too short to keep.
     */
    private static String corpus() {
        List<String> english = List.of(
                "The city council met on Tuesday evening to discuss the new bus routes. Several residents asked why the "
                        + "evening service would end an hour earlier than before, and the transport officer promised to "
                        + "publish the passenger counts that led to the decision before the next meeting in March.",
                "Baking bread at home is easier than it looks. Mix flour, water, salt and a little yeast, let the dough "
                        + "rest overnight in a cool place, then shape it gently and bake it in a very hot oven with a pan "
                        + "of water underneath so that the crust stays thin and crisp.",
                "Our library will be closed for two weeks while the old heating system is replaced. Books can still be "
                        + "returned through the box by the side door, and the children's reading hour moves to the "
                        + "community hall on the corner of Mill Street for the time being.",
                "A good cover letter is short and specific. Say which position you are applying for, name two or three "
                        + "things you have done that match what the job asks for, and explain why you want to work for "
                        + "this particular company rather than any other one in the field.",
                "The hiking trail along the river is muddy after the spring rain, so wear boots with a good grip. The "
                        + "walk to the old mill takes about two hours, and there is a small cafe at the top where you can "
                        + "rest before heading back down through the pine forest.",
                "Questions about the new timetable can be sent to info@example.org at any time. We read every message "
                        + "and answer within three working days, and the most common questions and their answers will be "
                        + "collected on the website so that everybody can find them easily.",
                "Tomatoes need plenty of sun and regular watering. Plant them after the last frost, tie the stems to "
                        + "stakes as they grow, and pinch out the small shoots between the main stem and the branches so "
                        + "the plant puts its energy into the fruit instead of the leaves.",
                "The museum has opened a new room about the history of printing. Visitors can see a working press from "
                        + "the seventeenth century, try setting their own names in metal type, and take home a small card "
                        + "printed in front of them by one of the volunteers.");
        String second = english.get(1);
        String nearCopy = second.substring(0, second.lastIndexOf(' ')) + " delicious.";
        String nearCopy2 = "Making" + nearCopy.substring("Baking".length());
        List<String> paragraphs = new java.util.ArrayList<>(english);
        paragraphs.add(english.getFirst().toUpperCase().replace(" ", "  "));
        paragraphs.add(nearCopy);
        paragraphs.add(nearCopy2);
        paragraphs.add("Der Zug nach Hamburg fährt heute wegen Bauarbeiten von einem anderen Gleis ab. Bitte achten Sie "
                + "auf die Durchsagen und planen Sie etwas mehr Zeit für den Umstieg ein.");
        paragraphs.add("Die Bibliothek bleibt über die Feiertage geschlossen. Ausgeliehene Bücher können Sie im "
                + "Briefkasten neben dem Eingang zurückgeben, die Leihfrist wird automatisch verlängert.");
        paragraphs.add("This one is far too short to keep.");
        return String.join("\n\n", paragraphs) + "\n";
    }
}
