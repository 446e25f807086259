package dev.pairwise.policy.data.pairs;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import java.util.ArrayList;
import java.util.List;

/** Parses OpenAI/TRL message lists {@code [{"role": ..., "content": ...}, ...]}. */
final class Messages {

    private Messages() {
    }

    static List<Turn> parse(JsonArray array, String field) {
        List<Turn> turns = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            JsonElement e = array.get(i);
            if (!e.isJsonObject()) {
                throw new IllegalArgumentException("field '" + field + "'[" + i + "] must be a {role, content} object");
            }
            JsonObject m = e.getAsJsonObject();
            try {
                turns.add(new Turn(Role.parse(JsonLines.string(m, "role")), JsonLines.string(m, "content")));
            } catch (IllegalArgumentException ex) {
                throw new IllegalArgumentException("field '" + field + "'[" + i + "]: " + ex.getMessage(), ex);
            }
        }
        return turns;
    }
}
