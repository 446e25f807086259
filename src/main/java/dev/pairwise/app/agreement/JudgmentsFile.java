package dev.pairwise.app.agreement;

import dev.pairwise.policy.io.Json;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Reads the judgments export ({@code GET /api/projects/{id}/export/judgments}): JSON Lines of
 * {@code {"task_id", "labeler", "tiers": [[response_id, …], …], "judgment_id", "created_at"}},
 * tiers best first. Only {@code task_id}, {@code labeler} and {@code tiers} are read; blank lines
 * are skipped, and so are adjudicated rankings ({@code "adjudicated": true}: a reviewer's decision,
 * not a labeler's judgment, so the API's agreement leaves them out too), and AI judges' rankings
 * ({@code "ai": true}, left out of the API's human agreement as well). A bad line is an error
 * naming its line number and field.
 */
public final class JudgmentsFile {

    private JudgmentsFile() {
    }

    /** The rankings of the file, in file order. */
    public static List<Ranking> read(Path file) throws IOException {
        List<Ranking> rankings = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            int number = 0;
            while ((line = in.readLine()) != null) {
                number++;
                if (!line.isBlank()) {
                    Ranking r = parse(line, file + ":" + number);
                    if (r != null) {
                        rankings.add(r);
                    }
                }
            }
        }
        return rankings;
    }

    private static boolean isTrue(@Nullable JsonNode e) {
        return e != null && e.isBoolean() && e.booleanValue();
    }

    /** The line's ranking, or null for an adjudicated ranking or an AI judge's. */
    private static @Nullable Ranking parse(String line, String where) {
        JsonNode o;
        try {
            o = Json.parse(line);
        } catch (JacksonException e) {
            throw new IllegalArgumentException(where + ": not JSON (" + e.getOriginalMessage() + ")");
        }
        if (o == null || !o.isObject()) {
            throw new IllegalArgumentException(where + ": not a JSON object");
        }
        if (isTrue(o.get("adjudicated")) || isTrue(o.get("ai"))) {
            return null;
        }
        long taskId = number(o.get("task_id"), where, "task_id");
        JsonNode labeler = o.get("labeler");
        if (labeler == null || !labeler.isString() || labeler.stringValue().isBlank()) {
            throw new IllegalArgumentException(where + ": labeler must be a non-empty string");
        }
        JsonNode tiers = o.get("tiers");
        if (tiers == null || !tiers.isArray()) {
            throw new IllegalArgumentException(where + ": tiers must be an array of arrays of response ids");
        }
        List<List<Long>> parsed = new ArrayList<>();
        for (JsonNode tier : tiers) {
            if (!tier.isArray()) {
                throw new IllegalArgumentException(where + ": tiers must be an array of arrays of response ids");
            }
            List<Long> ids = new ArrayList<>();
            for (JsonNode id : tier) {
                ids.add(number(id, where, "tiers"));
            }
            parsed.add(ids);
        }
        try {
            return new Ranking(taskId, labeler.stringValue(), parsed);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ": " + e.getMessage());
        }
    }

    private static long number(@Nullable JsonNode e, String where, String field) {
        if (e == null || !e.isNumber()) {
            throw new IllegalArgumentException(where + ": " + field + " must hold whole numbers (ids)");
        }
        try {
            return e.decimalValue().longValueExact();
        } catch (ArithmeticException | NumberFormatException x) { // NumberFormatException: NaN, Infinity
            throw new IllegalArgumentException(where + ": " + field + " must hold whole numbers (ids)");
        }
    }
}
