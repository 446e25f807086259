package dev.pairwise.labeling.importing;

import dev.pairwise.labeling.InvalidInputException;
import tools.jackson.databind.JsonNode;

/**
 * TRL's preference layout: {"prompt", "chosen", "rejected"} as strings, or conversational
 * (lists of {"role", "content"}) where the prompt is one user turn and each answer one
 * assistant turn. Optional "margin" (a positive integer) and "group_id" (Pairwise's own
 * export) keep the grouping of pairs by judgment across an export and re-import.
 */
final class TrlLines {

    private TrlLines() {
    }

    static ImportItem.Pair pair(int line, JsonNode node) {
        String prompt = content(node, "prompt", "user");
        String chosen = content(node, "chosen", "assistant");
        String rejected = content(node, "rejected", "assistant");
        int margin = 1;
        JsonNode m = node.get("margin");
        if (m != null && !m.isNull()) {
            if (!m.isIntegralNumber() || m.asLong() < 1 || m.asLong() > 8) {
                throw new InvalidInputException("margin", "'margin' must be an integer 1..8");
            }
            margin = m.asInt();
        }
        JsonNode g = node.get("group_id");
        String group = g == null || g.isNull() ? null : g.asString();
        return new ImportItem.Pair(line, prompt, chosen, rejected, margin, group);
    }

    private static String content(JsonNode node, String field, String role) {
        JsonNode v = node.get(field);
        if (v != null && v.isArray()) {
            if (v.size() != 1 || !v.get(0).isObject()) {
                throw new InvalidInputException(field, "'" + field + "' must hold exactly one message");
            }
            JsonNode msg = v.get(0);
            String r = msg.has("role") ? msg.get("role").asString() : null;
            if (!role.equals(r)) {
                throw new InvalidInputException(field, "'" + field + "' must be a " + role + " message");
            }
            return JsonlLines.text(msg, "content");
        }
        return JsonlLines.text(node, field);
    }
}
