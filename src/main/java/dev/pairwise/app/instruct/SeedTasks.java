package dev.pairwise.app.instruct;

import dev.pairwise.formats.JsonLines;
import dev.pairwise.labeling.InvalidInputException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * Seed tasks in the paper's {@code seed_tasks.jsonl} format: one JSON object per line with a
 * string {@code instruction} (its {@code instances}, {@code name} and other keys are not read).
 * Blank lines are skipped; a line that is not valid UTF-8 or not a JSON object is refused with
 * its number ({@link JsonLines}, the reader of every JSON-lines file).
 */
final class SeedTasks {

    /** Far more than the paper's 175; keeps a mistaken file (a corpus, say) from filling memory. */
    static final int MAX_SEEDS = 10_000;

    private SeedTasks() {
    }

    /**
     * The instructions of the file, in file order.
     *
     * @throws InvalidInputException naming {@code field} and the line at fault
     */
    static List<String> read(Path file, String field) {
        List<String> out = new ArrayList<>();
        try (InputStream in = JsonLines.open(file)) {
            JsonLines lines = new JsonLines(in);
            for (JsonLines.Line line = lines.next(); line != null; line = lines.next()) {
                JsonNode node = line.record();
                if (node == null) {
                    throw new InvalidInputException(field, file + " line " + line.number() + ": " + line.error());
                }
                JsonNode instruction = node.get("instruction");
                if (instruction == null || !instruction.isString() || instruction.asString().isBlank()) {
                    throw new InvalidInputException(field, file + " line " + line.number()
                            + " has no \"instruction\" text (seed tasks are JSON lines like the paper's seed_tasks.jsonl)");
                }
                if (out.size() == MAX_SEEDS) {
                    throw new InvalidInputException(field, file + " has more than " + MAX_SEEDS + " seed tasks");
                }
                out.add(InstructionFilter.normalize(instruction.asString()));
            }
        } catch (IOException e) {
            throw new InvalidInputException(field, "Cannot read " + file + ": " + e.getMessage());
        }
        if (out.isEmpty()) {
            throw new InvalidInputException(field, file + " holds no seed task");
        }
        return out;
    }
}
