package dev.pairwise.policy.data.pairs;

import dev.pairwise.formats.JsonLines;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import tools.jackson.databind.JsonNode;

/**
 * A training file of JSON lines (plain or gzipped) read whole: the first bad line stops the read
 * with the file and line named, since a trainer must not run on a silently shortened dataset.
 */
final class JsonlFile {

    /** Receives each record in file order. */
    interface Visitor {
        void accept(JsonNode record);
    }

    private JsonlFile() {
    }

    static void read(Path file, Visitor visitor) throws IOException {
        try (InputStream in = JsonLines.open(file)) {
            JsonLines lines = new JsonLines(in);
            for (JsonLines.Line line = lines.next(); line != null; line = lines.next()) {
                String where = file.getFileName() + ":" + line.number() + ": ";
                JsonNode record = line.record();
                if (record == null) {
                    throw new IllegalArgumentException(where + line.error());
                }
                try {
                    visitor.accept(record);
                } catch (IllegalArgumentException | IllegalStateException | UnsupportedOperationException e) {
                    throw new IllegalArgumentException(where + e.getMessage(), e);
                }
            }
        }
    }
}
