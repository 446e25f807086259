package dev.pairwise.policy.tokenizer;


import dev.pairwise.policy.io.Json;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Reads tokenizer training text from files. A {@code .jsonl} file gives one document per
 * non-blank line: the string field {@code "text"}, or else {@code "prompt"} followed by
 * {@code "completion"} (the SFT format), joined as they are. Any other file is one UTF-8 document.
 */
public final class Corpus {

    private Corpus() {
    }

    /**
     * The documents of {@code files}, in order.
     *
     * @throws IOException naming the file (and line) that is missing, not UTF-8, or a JSONL line
     *                     that is not an object with the fields above
     */
    public static List<String> read(List<Path> files) throws IOException {
        List<String> documents = new ArrayList<>();
        for (Path file : files) {
            if (!Files.isRegularFile(file)) {
                throw new NoSuchFileException(file.toString(), null, "corpus file not found");
            }
            try {
                if (file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".jsonl")) {
                    readJsonl(file, documents);
                } else {
                    documents.add(Files.readString(file, StandardCharsets.UTF_8));
                }
            } catch (CharacterCodingException e) {
                throw new IOException(file + ": not valid UTF-8 text", e);
            }
        }
        return documents;
    }

    private static void readJsonl(Path file, List<String> documents) throws IOException {
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            int number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                documents.add(document(line, file, number));
            }
        }
    }

    private static String document(String line, Path file, int number) throws IOException {
        String where = file + ":" + number + ": ";
        JsonNode object;
        try {
            object = Json.parse(line);
        } catch (JacksonException e) {
            throw new IOException(where + "not valid JSON (" + e.getOriginalMessage() + ")");
        }
        if (object == null || !object.isObject()) {
            throw new IOException(where + "not a JSON object");
        }
        String text = string(object, "text", where);
        if (text != null) {
            return text;
        }
        String prompt = string(object, "prompt", where);
        String completion = string(object, "completion", where);
        if (prompt == null || completion == null) {
            throw new IOException(where + "needs a string field \"text\", or \"prompt\" and \"completion\"");
        }
        return prompt + completion;
    }

    private static String string(JsonNode object, String field, String where) throws IOException {
        if (!Json.present(object, field)) {
            return null;
        }
        JsonNode value = object.get(field);
        if (!value.isString()) {
            throw new IOException(where + "field \"" + field + "\" is not a string");
        }
        return value.stringValue();
    }
}
