package dev.pairwise.policy.data.pairs;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/** Reads JSONL, plain or gzipped (detected by the gzip magic bytes, not the file name). */
final class JsonLines {

    /** Receives each non-blank line's object with its 1-based line number. */
    interface Visitor {
        void accept(JsonObject record, int line);
    }

    private JsonLines() {
    }

    static void read(Path file, Visitor visitor) throws IOException {
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(file))) {
            raw.mark(2);
            int b0 = raw.read();
            int b1 = raw.read();
            raw.reset();
            InputStream in = b0 == 0x1f && b1 == 0x8b ? new GZIPInputStream(raw) : raw;
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                String line;
                int n = 0;
                while ((line = reader.readLine()) != null) {
                    n++;
                    if (line.isBlank()) {
                        continue;
                    }
                    JsonElement e;
                    try {
                        e = JsonParser.parseString(line);
                    } catch (JsonParseException ex) {
                        throw new IllegalArgumentException(where(file, n) + "not valid JSON: " + ex.getMessage(), ex);
                    }
                    if (!e.isJsonObject()) {
                        throw new IllegalArgumentException(where(file, n) + "expected a JSON object");
                    }
                    try {
                        visitor.accept(e.getAsJsonObject(), n);
                    } catch (IllegalArgumentException | IllegalStateException | UnsupportedOperationException ex) {
                        throw new IllegalArgumentException(where(file, n) + ex.getMessage(), ex);
                    }
                }
            }
        }
    }

    static String where(Path file, int line) {
        return file.getFileName() + ":" + line + ": ";
    }

    /** A required string field; names the field when it is missing or not a string. */
    static String string(JsonObject o, String field) {
        JsonElement e = o.get(field);
        if (e == null || e.isJsonNull()) {
            throw new IllegalArgumentException("missing field '" + field + "'");
        }
        if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isString()) {
            throw new IllegalArgumentException("field '" + field + "' must be a string or a message list");
        }
        return e.getAsString();
    }
}
