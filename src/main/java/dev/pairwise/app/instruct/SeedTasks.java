package dev.pairwise.app.instruct;

import dev.pairwise.labeling.InvalidInputException;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Seed tasks in the paper's {@code seed_tasks.jsonl} format: one JSON object per line with a
 * string {@code instruction} (its {@code instances}, {@code name} and other keys are not read).
 * Blank lines are skipped.
 */
final class SeedTasks {

    /** Far more than the paper's 175; keeps a mistaken file (a corpus, say) from filling memory. */
    static final int MAX_SEEDS = 10_000;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private SeedTasks() {
    }

    /**
     * The instructions of the file, in file order.
     *
     * @throws InvalidInputException naming {@code field} and the line at fault
     */
    static List<String> read(Path file, String field) {
        List<String> out = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            int number = 0;
            while ((line = in.readLine()) != null) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                JsonNode node;
                try {
                    node = JSON.readTree(line);
                } catch (JacksonException e) {
                    throw new InvalidInputException(field, file + " line " + number + " is not JSON: "
                            + e.getOriginalMessage());
                }
                JsonNode instruction = node == null ? null : node.get("instruction");
                if (instruction == null || !instruction.isString() || instruction.asString().isBlank()) {
                    throw new InvalidInputException(field, file + " line " + number
                            + " has no \"instruction\" text (seed tasks are JSON lines like the paper's seed_tasks.jsonl)");
                }
                if (out.size() == MAX_SEEDS) {
                    throw new InvalidInputException(field, file + " has more than " + MAX_SEEDS + " seed tasks");
                }
                out.add(InstructionFilter.normalize(instruction.asString()));
            }
        } catch (CharacterCodingException e) {
            throw new InvalidInputException(field, file + " is not UTF-8 text");
        } catch (IOException e) {
            throw new InvalidInputException(field, "Cannot read " + file + ": " + e.getMessage());
        }
        if (out.isEmpty()) {
            throw new InvalidInputException(field, file + " holds no seed task");
        }
        return out;
    }
}
