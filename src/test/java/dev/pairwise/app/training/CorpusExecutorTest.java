package dev.pairwise.app.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pairwise.app.corpora.CorpusStore;
import dev.pairwise.app.jobs.config.JobSettings;
import dev.pairwise.labeling.InvalidInputException;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/** CORPUS on the test's thread: an upload in, a cleaned corpus in the store with its report and lineage out. */
class CorpusExecutorTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path dir;

    @Test
    void the_cleaned_corpus_is_stored_beside_its_report_and_selectable_like_an_upload() throws Exception {
        CorpusStore store = new CorpusStore(dir.resolve("corpora"));
        String doc = "The old bridge over the river was built by the people of the town more than two hundred years "
                + "ago, and it is still used every day by the farmers who bring their goods to the market.";
        String german = "Die alte Brücke über den Fluss wurde vor mehr als zweihundert Jahren von den Menschen der "
                + "Stadt gebaut, und sie wird noch heute jeden Tag von den Bauern benutzt.";
        String upload = doc + "\n\n" + doc.toUpperCase() + "\n\n" + german + "\n\nContact me at ann@example.com about "
                + "the concert in the park next Sunday, because the tickets are gone and the band plays old songs.\n";
        store.save("notes.txt", new ByteArrayInputStream(upload.getBytes(StandardCharsets.UTF_8)));
        CorpusExecutor executor = new CorpusExecutor(new Inputs(null, null, null, store));
        JobSettings config = JobSettings.check(executor.fields(),
                JSON.readTree("{\"corpus\":\"notes.txt\",\"languages\":\"en\",\"minWords\":10}"));
        executor.prepare(config);
        RecordingContext ctx = new RecordingContext(config, List.of(), null, dir.resolve("job"), 0);

        executor.run(ctx);

        assertThat(store.list()).extracting(CorpusStore.CorpusFile::name)
                .containsExactly("notes-clean-job-1.jsonl", "notes.txt");
        List<String> cleaned = Files.readAllLines(store.resolve("corpus", "notes-clean-job-1.jsonl"));
        assertThat(cleaned).hasSize(2);
        assertThat(cleaned.get(1)).contains("<EMAIL>");
        assertThat(store.texts("corpus", "notes-clean-job-1.jsonl")).hasSize(2);
        String report = store.report("corpus", "notes-clean-job-1.jsonl").orElseThrow();
        var lineage = JSON.readTree(report);
        assertThat(lineage.get("source").asString()).isEqualTo("notes.txt");
        assertThat(lineage.get("report").get("exact_duplicates").asLong()).isEqualTo(1);
        assertThat(lineage.get("report").get("language_removed").asLong()).isEqualTo(1);
        assertThat(store.report("corpus", "notes.txt")).isEmpty();
        assertThat(ctx.steps).last().isEqualTo(100L);
        assertThat(ctx.metrics).extracting(RecordingContext.Point::name).contains("docs_in", "docs_out", "near_duplicates");
    }

    @Test
    void a_language_that_is_not_a_code_is_refused_before_the_job_starts() {
        CorpusStore store = new CorpusStore(dir.resolve("corpora"));
        store.save("a.txt", new ByteArrayInputStream("some text".getBytes(StandardCharsets.UTF_8)));
        CorpusExecutor executor = new CorpusExecutor(new Inputs(null, null, null, store));
        assertThatThrownBy(() -> executor.prepare(JobSettings.check(executor.fields(),
                JSON.readTree("{\"corpus\":\"a.txt\",\"languages\":\"english\"}"))))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("config.languages"));
    }
}
