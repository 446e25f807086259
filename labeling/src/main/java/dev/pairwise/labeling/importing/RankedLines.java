package dev.pairwise.labeling.importing;

import dev.pairwise.formats.JsonLines;
import dev.pairwise.labeling.InvalidInputException;
import dev.pairwise.labeling.task.NewPrompt;
import dev.pairwise.labeling.task.Origin;
import dev.pairwise.labeling.task.OriginKind;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * Pairwise's own JSONL line of a prompt to rank: {"prompt": "...", "responses": [...]}. A response
 * is a string (origin IMPORTED) or an object {"text", "origin": "imported|human|model", "model",
 * "settings"} so samples drawn elsewhere keep their checkpoint and sampling settings.
 */
final class RankedLines {

    static final Origin IMPORTED = Origin.imported("import");

    private RankedLines() {
    }

    static ImportItem.Ranked ranked(int line, JsonNode node) {
        String prompt = JsonLines.string(node, "prompt");
        JsonNode rs = node.get("responses");
        if (rs == null || !rs.isArray()) {
            throw new InvalidInputException("responses", "'responses' must be an array");
        }
        List<NewPrompt.NewResponse> responses = new ArrayList<>();
        for (int i = 0; i < rs.size(); i++) {
            responses.add(response(rs.get(i), i));
        }
        return new ImportItem.Ranked(line, new NewPrompt(prompt, responses));
    }

    private static NewPrompt.NewResponse response(JsonNode r, int i) {
        if (r.isString()) {
            return new NewPrompt.NewResponse(r.stringValue(), IMPORTED);
        }
        if (!r.isObject()) {
            throw new InvalidInputException("responses[" + i + "]", "responses[" + i + "] must be a string or an object");
        }
        String text = JsonLines.string(r, "text");
        OriginKind kind = OriginKind.IMPORTED;
        JsonNode o = r.get("origin");
        if (o != null && !o.isNull()) {
            try {
                kind = OriginKind.valueOf(o.asString().strip().toUpperCase());
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException("responses[" + i + "].origin",
                        "responses[" + i + "].origin must be imported, human or model");
            }
        }
        String model = r.has("model") && !r.get("model").isNull() ? r.get("model").asString() : null;
        if (model != null && model.length() > 200) {
            throw new InvalidInputException("responses[" + i + "].model", "model name over 200 characters");
        }
        JsonNode s = r.get("settings");
        String settings = s == null || s.isNull() ? null : s.toString();
        if (settings != null && settings.length() > 4000) {
            throw new InvalidInputException("responses[" + i + "].settings", "settings over 4000 characters");
        }
        Origin origin = switch (kind) {
            case IMPORTED -> new Origin(OriginKind.IMPORTED, model == null ? "import" : model, settings);
            case HUMAN -> new Origin(OriginKind.HUMAN, model, settings);
            case MODEL -> new Origin(OriginKind.MODEL, model, settings);
        };
        return new NewPrompt.NewResponse(text, origin);
    }
}
