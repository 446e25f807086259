package dev.pairwise.app.agreement;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

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

    private static boolean isTrue(@Nullable JsonElement e) {
        return e != null && e.isJsonPrimitive() && e.getAsJsonPrimitive().isBoolean() && e.getAsBoolean();
    }

    /** The line's ranking, or null for an adjudicated ranking or an AI judge's. */
    private static @Nullable Ranking parse(String line, String where) {
        JsonObject o;
        try {
            JsonElement e = JsonParser.parseString(line);
            if (!e.isJsonObject()) {
                throw new IllegalArgumentException(where + ": not a JSON object");
            }
            o = e.getAsJsonObject();
        } catch (JsonParseException e) {
            throw new IllegalArgumentException(where + ": not JSON (" + e.getMessage() + ")");
        }
        if (isTrue(o.get("adjudicated")) || isTrue(o.get("ai"))) {
            return null;
        }
        long taskId = number(o.get("task_id"), where, "task_id");
        JsonElement labeler = o.get("labeler");
        if (labeler == null || !labeler.isJsonPrimitive() || !labeler.getAsJsonPrimitive().isString()
                || labeler.getAsString().isBlank()) {
            throw new IllegalArgumentException(where + ": labeler must be a non-empty string");
        }
        JsonElement tiers = o.get("tiers");
        if (tiers == null || !tiers.isJsonArray()) {
            throw new IllegalArgumentException(where + ": tiers must be an array of arrays of response ids");
        }
        List<List<Long>> parsed = new ArrayList<>();
        for (JsonElement tier : tiers.getAsJsonArray()) {
            if (!tier.isJsonArray()) {
                throw new IllegalArgumentException(where + ": tiers must be an array of arrays of response ids");
            }
            List<Long> ids = new ArrayList<>();
            for (JsonElement id : (JsonArray) tier) {
                ids.add(number(id, where, "tiers"));
            }
            parsed.add(ids);
        }
        try {
            return new Ranking(taskId, labeler.getAsString(), parsed);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ": " + e.getMessage());
        }
    }

    private static long number(JsonElement e, String where, String field) {
        if (e == null || !e.isJsonPrimitive() || !e.getAsJsonPrimitive().isNumber()) {
            throw new IllegalArgumentException(where + ": " + field + " must hold whole numbers (ids)");
        }
        try {
            return e.getAsJsonPrimitive().getAsBigDecimal().longValueExact();
        } catch (ArithmeticException x) {
            throw new IllegalArgumentException(where + ": " + field + " must hold whole numbers (ids)");
        }
    }
}
