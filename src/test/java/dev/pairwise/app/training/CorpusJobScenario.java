package dev.pairwise.app.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pairwise.app.corpora.CorpusStore;
import dev.pairwise.app.jobs.JobRequest;
import dev.pairwise.app.jobs.AwaitJobs;
import dev.pairwise.app.jobs.JobService;
import dev.pairwise.app.jobs.JobStatus;
import dev.pairwise.app.jobs.JobType;
import dev.pairwise.app.jobs.JobView;
import dev.pairwise.app.jobs.MetricPoint;
import dev.pairwise.labeling.InvalidInputException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.json.JsonMapper;

/**
 * A CORPUS job through the whole app — queued in the job table (whose type check V12 widened),
 * claimed and run by the job runner on embedded Flink, its metrics stored — and the cleaned corpus
 * then accepted by a TOKENIZER job. Run on H2 and PostgreSQL by the subclasses.
 */
abstract class CorpusJobScenario {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    static final Path ROOT;

    static {
        try {
            ROOT = Files.createTempDirectory("pairwise-corpus-job");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @DynamicPropertySource
    static void folders(DynamicPropertyRegistry registry) {
        registry.add("pairwise.jobs.checkpoint-dir", () -> ROOT.resolve("checkpoints").toString());
        registry.add("pairwise.jobs.corpus-dir", () -> ROOT.resolve("corpora").toString());
    }

    @AfterAll
    static void removeFolders() throws IOException {
        try (Stream<Path> paths = Files.walk(ROOT)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    @Autowired
    JobService jobs;
    @Autowired
    CorpusStore corpora;

    @Test
    void a_corpus_job_runs_stores_its_counts_and_its_output_feeds_a_tokenizer() throws Exception {
        String doc = "The old bridge over the river was built by the people of the town more than two hundred years "
                + "ago, and it is still used every day by the farmers who bring their goods to the market.";
        String german = "Die alte Brücke über den Fluss wurde vor mehr als zweihundert Jahren von den Menschen der "
                + "Stadt gebaut, und sie wird noch heute jeden Tag von den Bauern benutzt.";
        String other = "Contact me at ann@example.com about the concert in the park next Sunday, because the tickets "
                + "are gone and the band plays the old songs that everybody in the village knows by heart.";
        String upload = doc + "\n\n" + doc.toUpperCase() + "\n\n" + german + "\n\n" + other + "\n";
        String source = "village-" + System.nanoTime() + ".txt";
        corpora.save(source, new ByteArrayInputStream(upload.getBytes(StandardCharsets.UTF_8)));

        JobView job = await(jobs.submit(new JobRequest(JobType.CORPUS,
                "{\"corpus\":\"" + source + "\",\"languages\":\"en\",\"minWords\":10}", "corpus-it")));

        assertThat(job.status()).as(job.error()).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(job.type()).isEqualTo(JobType.CORPUS);
        Map<String, Double> metrics = jobs.metrics(job.id()).stream()
                .collect(Collectors.toMap(MetricPoint::name, MetricPoint::value, (a, b) -> b));
        assertThat(metrics).containsEntry("docs_in", 4.0).containsEntry("docs_out", 2.0)
                .containsEntry("exact_duplicates", 1.0).containsEntry("language_removed", 1.0)
                .containsEntry("pii_replaced", 1.0);
        String cleaned = CorpusStore.cleanedName(source, job.id());
        var lineage = JSON.readTree(corpora.report("corpus", cleaned).orElseThrow());
        assertThat(lineage.get("job_id").asLong()).isEqualTo(job.id());
        assertThat(lineage.get("source").asString()).isEqualTo(source);
        assertThat(job.logTail()).contains("stored the cleaned corpus as " + cleaned);

        JobView tokenizer = await(jobs.submit(new JobRequest(JobType.TOKENIZER,
                "{\"corpus\":\"" + cleaned + "\",\"vocabSize\":300}", "corpus-it")));
        assertThat(tokenizer.status()).as(tokenizer.error()).isEqualTo(JobStatus.SUCCEEDED);
    }

    @Test
    void a_corpus_job_with_a_language_that_is_no_code_is_refused_and_not_queued() {
        int before = jobs.recent(1000).size();
        corpora.save("refused.txt", new ByteArrayInputStream("Some text.\n".getBytes(StandardCharsets.UTF_8)));
        assertThatThrownBy(() -> jobs.submit(new JobRequest(JobType.CORPUS,
                "{\"corpus\":\"refused.txt\",\"languages\":\"english\"}", "corpus-it")))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("config.languages"));
        assertThat(jobs.recent(1000)).hasSize(before);
    }

    private JobView await(JobView job) throws InterruptedException {
        return AwaitJobs.finished(jobs, job.id(), Duration.ofSeconds(180));
    }
}
