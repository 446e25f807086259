package dev.pairwise.labeling.importing;

import dev.pairwise.formats.JsonLines;
import dev.pairwise.labeling.InvalidInputException;
import dev.pairwise.labeling.TextRules;
import tools.jackson.databind.JsonNode;

/**
 * One battle vote: {"prompt", "model_a", "model_b", "answer_a", "answer_b", "winner", "labeler"?},
 * the fields of Chatbot Arena's public battle data with the conversation reduced to one prompt and
 * two answers. System and labeler names are stripped and at most {@link #MAX_NAME} characters.
 */
final class BattleLines {

    /** The length of {@code responses.origin_model} and {@code judgments.external_labeler}. */
    static final int MAX_NAME = 200;

    private BattleLines() {
    }

    static ImportItem.Battle battle(int line, JsonNode node) {
        String prompt = JsonLines.string(node, "prompt");
        String modelA = name(node, "model_a");
        String modelB = name(node, "model_b");
        String answerA = JsonLines.string(node, "answer_a");
        String answerB = JsonLines.string(node, "answer_b");
        JsonNode w = node.get("winner");
        if (w == null || w.isNull()) {
            throw new InvalidInputException("winner", "'winner' is missing");
        }
        BattleWinner winner = BattleWinner.parse(w.isString() ? w.stringValue() : w.toString());
        if (modelA.equals(modelB)) {
            throw new InvalidInputException("model_b",
                    "'model_a' and 'model_b' are both '" + modelA + "': a battle needs two different systems");
        }
        JsonNode l = node.get("labeler");
        String labeler = null;
        if (l != null && !l.isNull()) {
            if (!l.isString()) {
                throw new InvalidInputException("labeler", "'labeler' must be a string");
            }
            String s = TextRules.optional("labeler", l.stringValue(), MAX_NAME);
            labeler = s == null ? null : s.strip();
        }
        return new ImportItem.Battle(line, prompt, modelA, modelB, answerA, answerB, winner, labeler);
    }

    private static String name(JsonNode node, String field) {
        return TextRules.require(field, JsonLines.string(node, field), MAX_NAME).strip();
    }
}
