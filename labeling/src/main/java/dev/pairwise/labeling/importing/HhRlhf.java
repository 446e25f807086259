package dev.pairwise.labeling.importing;

import dev.pairwise.labeling.InvalidInputException;
import tools.jackson.databind.JsonNode;

/**
 * Anthropic's HH-RLHF layout (Bai et al., 2022): {"chosen", "rejected"}, each a whole dialogue
 * "\n\nHuman: ...\n\nAssistant: ..." that differs only in the last Assistant turn. The shared
 * prefix is the prompt. A single-turn prompt is stored as the bare human message, a multi-turn
 * one as the dialogue prefix itself, so {@link #dialogue} rebuilds the exact original text.
 */
public final class HhRlhf {

    static final String HUMAN = "\n\nHuman: ";
    static final String ASSISTANT = "\n\nAssistant:";

    private HhRlhf() {
    }

    static ImportItem.Pair pair(int line, JsonNode node) {
        String chosen = JsonlLines.text(node, "chosen");
        String rejected = JsonlLines.text(node, "rejected");
        int c = chosen.lastIndexOf(ASSISTANT);
        int r = rejected.lastIndexOf(ASSISTANT);
        if (c < 0) {
            throw new InvalidInputException("chosen", "'chosen' has no \"\\n\\nAssistant:\" turn");
        }
        if (r < 0) {
            throw new InvalidInputException("rejected", "'rejected' has no \"\\n\\nAssistant:\" turn");
        }
        String prefix = chosen.substring(0, c);
        if (!prefix.equals(rejected.substring(0, r))) {
            throw new InvalidInputException("rejected", "chosen and rejected differ before the last Assistant turn");
        }
        return new ImportItem.Pair(line, prompt(prefix), reply(chosen.substring(c + ASSISTANT.length())),
                reply(rejected.substring(r + ASSISTANT.length())), 1, null);
    }

    /** The dialogue text for a stored prompt and a response, in HH-RLHF layout. */
    public static String dialogue(String prompt, String response) {
        String prefix = prompt.startsWith("\n\nHuman:") ? prompt : HUMAN + prompt;
        return prefix + ASSISTANT + " " + response;
    }

    private static String prompt(String prefix) {
        if (prefix.startsWith(HUMAN)) {
            String body = prefix.substring(HUMAN.length());
            if (!body.contains("\n\nHuman:") && !body.contains(ASSISTANT)) {
                return body;
            }
        }
        return prefix;
    }

    private static String reply(String tail) {
        return tail.startsWith(" ") ? tail.substring(1) : tail;
    }
}
