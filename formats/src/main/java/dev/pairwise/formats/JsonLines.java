package dev.pairwise.formats;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * JSON lines: one JSON object per line, decoded as strict UTF-8 ({@link Utf8Lines}). Blank lines
 * are skipped and not counted as records; a line that is not valid UTF-8, not valid JSON or not
 * an object comes back with the reason instead of a record, so each reader decides whether a bad
 * line stops the read (the command line) or is reported and skipped (the app's import).
 */
public final class JsonLines {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** A non-blank line: its 1-based number and either its object or why it has none. */
    public record Line(int number, @Nullable JsonNode record, @Nullable String error) {
    }

    private final Utf8Lines lines;

    public JsonLines(InputStream in) {
        this.lines = new Utf8Lines(in);
    }

    /**
     * Opens a file of JSON lines, plain or gzipped (told by the gzip magic bytes, not the name).
     * The caller closes the stream.
     */
    public static InputStream open(Path file) throws IOException {
        InputStream raw = new BufferedInputStream(Files.newInputStream(file));
        try {
            raw.mark(2);
            int b0 = raw.read();
            int b1 = raw.read();
            raw.reset();
            return b0 == 0x1f && b1 == 0x8b ? new BufferedInputStream(new GZIPInputStream(raw)) : raw;
        } catch (IOException e) {
            raw.close();
            throw e;
        }
    }

    /** The next non-blank line, or null at the end of the input. */
    public @Nullable Line next() {
        for (Utf8Lines.Line line = lines.next(); line != null; line = lines.next()) {
            String text = line.text();
            if (text == null) {
                return new Line(line.number(), null, line.error());
            }
            if (text.isBlank()) {
                continue;
            }
            JsonNode node;
            try {
                node = JSON.readTree(text);
            } catch (JacksonException e) {
                return new Line(line.number(), null, "not valid JSON: " + e.getOriginalMessage());
            }
            if (node == null || !node.isObject()) {
                return new Line(line.number(), null, "expected a JSON object");
            }
            return new Line(line.number(), node, null);
        }
        return null;
    }

    /** A required string property; names the property when it is missing or not a string. */
    public static String string(JsonNode record, String field) {
        JsonNode v = record.get(field);
        if (v == null || v.isNull()) {
            throw new FormatException("'" + field + "' is missing");
        }
        if (!v.isString()) {
            throw new FormatException("'" + field + "' must be a string");
        }
        return v.stringValue();
    }
}
