package dev.pairwise.app.corpora;

import dev.pairwise.labeling.InvalidInputException;
import dev.pairwise.policy.io.Json;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Uploaded training corpora, from which tokenizer and pretraining jobs learn. A corpus
 * is a plain UTF-8 text file ({@code .txt}) or JSON Lines ({@code .jsonl}) with a string
 * {@code "text"} on every line. Uploads are checked whole before they are kept — strict UTF-8, no
 * NUL bytes (a binary file), not empty, every JSONL line an object with text — and written to a
 * temporary file moved into place, so a refused or broken upload leaves nothing behind.
 * Tokenizer and pretraining jobs name a corpus by its stored name in their {@code corpus} field.
 */
@Service
public class CorpusStore {

    /** Larger corpora belong on the command line, not in a browser upload. */
    public static final long MAX_BYTES = 512L * 1024 * 1024;
    private static final Pattern SAFE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");
    /** Reports and lineage of cleaned corpora; a dot folder, so never listed as a corpus. */
    private static final String REPORTS = ".reports";

    /** A stored corpus: its name and size. */
    public record CorpusFile(String name, long bytes) {
    }

    private final Path root;

    /** A store under {@code root} (the app: {@code pairwise.jobs.corpus-dir}; tests: a temporary folder). */
    public CorpusStore(@Value("${pairwise.jobs.corpus-dir:./data/corpora}") Path root) {
        this.root = root;
    }

    /**
     * Checks and stores an upload under {@code fileName} (replacing a corpus of the same name).
     *
     * @return the stored corpus
     * @throws InvalidInputException naming {@code corpus} when the name or the content is refused
     */
    public CorpusFile save(String fileName, InputStream content) {
        String name = fileName == null ? "" : Path.of(fileName.strip()).getFileName().toString();
        if (!SAFE_NAME.matcher(name).matches() || !(name.endsWith(".txt") || name.endsWith(".jsonl"))) {
            throw new InvalidInputException("corpus", "A corpus is a .txt or .jsonl file named with letters, digits, '.', '_' or '-' (was \"" + fileName + "\")");
        }
        try {
            Files.createDirectories(root);
            Path tmp = Files.createTempFile(root, ".upload-", ".part");
            try {
                long size = Files.copy(content, tmp, StandardCopyOption.REPLACE_EXISTING);
                if (size > MAX_BYTES) {
                    throw new InvalidInputException("corpus", "The corpus is larger than " + MAX_BYTES / (1024 * 1024) + " MiB");
                }
                check(tmp, name.endsWith(".jsonl"));
                Files.move(tmp, root.resolve(name), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                return new CorpusFile(name, size);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not store the corpus " + name, e);
        }
    }

    /** The name a CORPUS job gives the corpus it cleans from {@code source}: {@code <stem>-clean-job<id>.jsonl}. */
    public static String cleanedName(String source, long jobId) {
        return source.replaceFirst("\\.(jsonl|txt)$", "") + "-clean-job" + jobId + ".jsonl";
    }

    /**
     * Stores a cleaned corpus made by a CORPUS job: moves {@code file} in under {@code name} and keeps
     * the cleaning report and the lineage ({@code {"source", "job_id", "report"}}) beside it, in a
     * folder the listing does not show. The corpus is then selectable like an upload.
     *
     * @return the stored corpus
     */
    public CorpusFile register(String name, Path file, String source, long jobId, String reportJson) {
        if (!SAFE_NAME.matcher(name).matches() || !name.endsWith(".jsonl")) {
            throw new IllegalArgumentException("not a corpus name: " + name);
        }
        try {
            Files.createDirectories(root.resolve(REPORTS));
            String lineage = "{\"source\": " + Json.compact(source) + ", \"job_id\": " + jobId
                    + ", \"report\": " + reportJson + "}\n";
            Path tmp = Files.createTempFile(root.resolve(REPORTS), ".report-", ".part");
            Files.writeString(tmp, lineage, StandardCharsets.UTF_8);
            Files.move(tmp, root.resolve(REPORTS).resolve(name + ".json"), StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
            Files.move(file, root.resolve(name), StandardCopyOption.REPLACE_EXISTING);
            return new CorpusFile(name, Files.size(root.resolve(name)));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not store the cleaned corpus " + name, e);
        }
    }

    /**
     * The cleaning report and lineage of a corpus a CORPUS job made, as JSON, or empty for an upload.
     *
     * @throws InvalidInputException naming {@code field} when there is no corpus of that name
     */
    public java.util.Optional<String> report(String field, String name) {
        resolve(field, name);
        Path report = root.resolve(REPORTS).resolve(name + ".json");
        try {
            return Files.isRegularFile(report) ? java.util.Optional.of(Files.readString(report, StandardCharsets.UTF_8))
                    : java.util.Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The stored corpora by name. */
    public List<CorpusFile> list() {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(root)) {
            return files.filter(p -> SAFE_NAME.matcher(p.getFileName().toString()).matches())
                    .map(p -> new CorpusFile(p.getFileName().toString(), size(p)))
                    .sorted(Comparator.comparing(CorpusFile::name)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The file of a stored corpus.
     *
     * @throws InvalidInputException naming {@code field} when there is no corpus of that name
     */
    public Path resolve(String field, String name) {
        if (name == null || !SAFE_NAME.matcher(name).matches() || !Files.isRegularFile(root.resolve(name))) {
            throw new InvalidInputException(field, "There is no uploaded corpus named \"" + name + "\"");
        }
        return root.resolve(name);
    }

    /**
     * The training text of a stored corpus: the file itself, or the {@code text} of each JSONL line
     * joined by newlines.
     */
    public List<String> texts(String field, String name) {
        Path file = resolve(field, name);
        try {
            if (!name.endsWith(".jsonl")) {
                return List.of(Files.readString(file, StandardCharsets.UTF_8));
            }
            List<String> texts = new ArrayList<>();
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (!line.isBlank()) {
                    texts.add(Json.parse(line).get("text").asString());
                }
            }
            return texts;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void check(Path file, boolean jsonl) throws IOException {
        CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        boolean anyText = false;
        int number = 0;
        try (BufferedReader in = new BufferedReader(new InputStreamReader(Files.newInputStream(file), utf8))) {
            String line;
            while ((line = in.readLine()) != null) {
                number++;
                if (line.indexOf('\0') >= 0) {
                    throw new InvalidInputException("corpus", "The corpus is not text: line " + number + " holds a NUL byte");
                }
                if (line.isBlank()) {
                    continue;
                }
                if (jsonl) {
                    checkJsonLine(line, number);
                }
                anyText = true;
            }
        } catch (CharacterCodingException e) {
            throw new InvalidInputException("corpus", "The corpus is not UTF-8 text (a broken byte sequence after line " + number + ")");
        }
        if (!anyText) {
            throw new InvalidInputException("corpus", "The corpus is empty");
        }
    }

    private static void checkJsonLine(String line, int number) {
        JsonNode node;
        try {
            // the shared reader, as the CORPUS job's (corpus.flink.ReadDocuments) is: a line the
            // upload lets in is a line the cleaning reads, bare NaN and Infinity included
            node = Json.parse(line);
        } catch (JacksonException e) {
            throw new InvalidInputException("corpus", "Line " + number + " is not valid JSON: " + e.getOriginalMessage());
        }
        if (node == null || !node.isObject() || node.get("text") == null || !node.get("text").isString()) {
            throw new InvalidInputException("corpus", "Line " + number + " needs a string field \"text\"");
        }
    }

    private static long size(Path p) {
        try {
            return Files.size(p);
        } catch (IOException e) {
            return 0;
        }
    }
}
