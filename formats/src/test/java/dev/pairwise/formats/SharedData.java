package dev.pairwise.formats;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * The real datasets of {@code ../shared/data} (from the Maven basedir), present on the team's
 * machines only: a test that reads one is skipped, saying so, where it is absent.
 */
public final class SharedData {

    /** Anthropic HH-RLHF test splits: helpful-base, harmless-base, helpful-rejection-sampled. */
    public static final Path HH_RLHF = Path.of("../shared/data/hh-rlhf");

    private SharedData() {
    }

    /** {@code hh-rlhf/<split>/test.jsonl.gz}, or the test is skipped. */
    public static Path hhRlhf(String split) {
        Path file = HH_RLHF.resolve(split).resolve("test.jsonl.gz");
        assumeTrue(Files.exists(file), "shared HH-RLHF data not present at " + file.toAbsolutePath()
                + " (only on the team's machines); skipping");
        return file;
    }

    /** Every record of a JSON-lines file; fails on a bad line. */
    static List<JsonNode> records(Path file) throws IOException {
        List<JsonNode> records = new ArrayList<>();
        try (InputStream in = JsonLines.open(file)) {
            JsonLines lines = new JsonLines(in);
            for (JsonLines.Line line = lines.next(); line != null; line = lines.next()) {
                if (line.record() == null) {
                    throw new AssertionError(file + ":" + line.number() + ": " + line.error());
                }
                records.add(line.record());
            }
        }
        return records;
    }
}
