package dev.pairwise.policy.data.pairs;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads preference pairs from JSONL (plain or gzipped), one of these per line:
 * <ul>
 *   <li>HH-RLHF: {@code {"chosen": dialogue, "rejected": dialogue}} (prompt implicit, see {@link HhDialogue});</li>
 *   <li>TRL explicit prompt: {@code {"prompt": str, "chosen": str, "rejected": str}};</li>
 *   <li>TRL conversational: {@code prompt}, {@code chosen}, {@code rejected} as lists of
 *       {@code {"role","content"}} messages; the reply is the last message of each side.</li>
 * </ul>
 * Pairs with identical sides and records with an empty side are counted and skipped; anything
 * malformed stops the read with the file, line and field named.
 */
public final class PairReader {

    private PairReader() {
    }

    /** Reads every pair of {@code file}. */
    public static ReadReport<PreferencePair> read(Path file) throws IOException {
        List<PreferencePair> pairs = new ArrayList<>();
        int[] identical = {0};
        int[] empty = {0};
        JsonLines.read(file, (o, line) -> {
            List<Turn> prompt;
            String chosen;
            String rejected;
            if (o.has("prompt")) {
                prompt = promptOf(o.get("prompt"));
                chosen = reply(o, "chosen");
                rejected = reply(o, "rejected");
            } else if (isString(o.get("chosen")) && isString(o.get("rejected"))) {
                String c = o.get("chosen").getAsString();
                String r = o.get("rejected").getAsString();
                if (c.equals(r)) {
                    identical[0]++;
                    return;
                }
                HhDialogue.Split split = HhDialogue.split(c, r);
                prompt = HhDialogue.turns(split.prompt());
                chosen = split.chosen();
                rejected = split.rejected();
            } else {
                throw new IllegalArgumentException("expected fields 'chosen' and 'rejected' (and optionally 'prompt')");
            }
            if (chosen.equals(rejected)) {
                identical[0]++;
            } else if (prompt.isEmpty() || prompt.stream().allMatch(t -> t.content().isBlank())
                    || chosen.isBlank() || rejected.isBlank()) {
                empty[0]++;
            } else {
                pairs.add(new PreferencePair(prompt, chosen, rejected));
            }
        });
        return new ReadReport<>(pairs, identical[0], empty[0]);
    }

    private static boolean isString(JsonElement e) {
        return e != null && e.isJsonPrimitive() && e.getAsJsonPrimitive().isString();
    }

    private static List<Turn> promptOf(JsonElement e) {
        if (isString(e)) {
            return Turn.user(e.getAsString());
        }
        if (e.isJsonArray()) {
            return Messages.parse(e.getAsJsonArray(), "prompt");
        }
        throw new IllegalArgumentException("field 'prompt' must be a string or a message list");
    }

    private static String reply(JsonObject o, String field) {
        JsonElement e = o.get(field);
        if (isString(e)) {
            return e.getAsString();
        }
        if (e != null && e.isJsonArray()) {
            JsonArray a = e.getAsJsonArray();
            List<Turn> turns = Messages.parse(a, field);
            if (turns.isEmpty() || turns.getLast().role() != Role.ASSISTANT) {
                throw new IllegalArgumentException("field '" + field + "' must end with an assistant message");
            }
            return turns.getLast().content();
        }
        return JsonLines.string(o, field);
    }
}
