package dev.pairwise.app.instruct;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.pairwise.labeling.InvalidInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Seed files in the paper's format, made here and (when the shared data is present) the paper's own 175. */
class SeedTasksTest {

    /** The paper's seed tasks, resolved from the Maven basedir as {@code ../shared/data}. */
    static final Path PAPER_SEEDS = Path.of("../shared/data/self-instruct/seed_tasks.jsonl");

    @TempDir
    Path tmp;

    @Test
    void reads_the_instruction_of_each_line() throws IOException {
        Path file = tmp.resolve("seeds.jsonl");
        Files.writeString(file, """
                {"id": "seed_task_0", "instruction": "Give  three tips\\nfor staying healthy.", "instances": []}

                {"instruction": "Name a fruit that is red.", "is_classification": false}
                """);
        assertThat(SeedTasks.read(file, "config.seedFile"))
                .containsExactly("Give three tips for staying healthy.", "Name a fruit that is red.");
    }

    @Test
    void a_bad_line_is_named() throws IOException {
        Path file = tmp.resolve("bad.jsonl");
        Files.writeString(file, "{\"instruction\": \"Fine one here.\"}\n{\"text\": \"no instruction\"}\n");
        assertThatThrownBy(() -> SeedTasks.read(file, "config.seedFile")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("line 2").hasMessageContaining("\"instruction\"");
        Files.writeString(file, "not json\n");
        assertThatThrownBy(() -> SeedTasks.read(file, "config.seedFile")).hasMessageContaining("line 1: not valid JSON");
        Files.writeString(file, "\n\n");
        assertThatThrownBy(() -> SeedTasks.read(file, "config.seedFile")).hasMessageContaining("holds no seed task");
    }

    @Test
    void the_papers_175_seed_tasks_read_and_are_mutually_below_the_bound() {
        assumeTrue(Files.isRegularFile(PAPER_SEEDS), "skipped: " + PAPER_SEEDS.toAbsolutePath()
                + " is absent (the shared data folder with the paper's seed tasks)");
        List<String> seeds = SeedTasks.read(PAPER_SEEDS, "config.seedFile");
        assertThat(seeds).hasSize(175);
        assertThat(new HashSet<>(seeds)).hasSize(175);
        assertThat(seeds.getFirst()).startsWith("Is there anything I can eat for a breakfast");
    }

    @Test
    void each_request_shows_eight_six_seeds_and_two_generated_once_there_are_any() {
        List<String> seeds = java.util.stream.IntStream.range(0, 20).mapToObj(i -> "Seed task number " + i).toList();
        List<String> generated = List.of("Generated task one here", "Generated task two here", "Generated task three");
        List<String> first = SelfInstructExecutor.examples(seeds, List.of(), 7, 0);
        assertThat(first).hasSize(8).allMatch(seeds::contains).doesNotHaveDuplicates();
        List<String> later = SelfInstructExecutor.examples(seeds, generated, 7, 1);
        assertThat(later).hasSize(8).doesNotHaveDuplicates();
        assertThat(later.stream().filter(generated::contains)).hasSize(2);
        // Repeatable per request (a resumed job shows what a straight run would).
        assertThat(SelfInstructExecutor.examples(seeds, generated, 7, 1)).isEqualTo(later);
        assertThat(SelfInstructExecutor.examples(List.of("Only one seed here"), List.of(), 7, 0)).hasSize(1);
    }
}
