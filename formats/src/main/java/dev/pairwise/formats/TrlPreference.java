package dev.pairwise.formats;

import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * TRL's preference layout with an explicit prompt: {@code {"prompt", "chosen", "rejected"}}, each
 * a string or, in TRL's conversational form, a list of {@code {"role", "content"}} messages (a
 * string prompt is one user message, a string answer one assistant message). Optional
 * {@code "margin"} (TRL's reward-margin column; Pairwise writes the tiers between the two answers)
 * and {@code "group_id"} (Pairwise's export: the judgment the pair comes from).
 */
public final class TrlPreference {

    private TrlPreference() {
    }

    /**
     * One record.
     *
     * @param margin  the {@code "margin"} number, null when absent
     * @param groupId the {@code "group_id"} as text, null when absent
     */
    public record Pair(List<Message> prompt, List<Message> chosen, List<Message> rejected,
                       @Nullable Double margin, @Nullable String groupId) {

        public Pair {
            prompt = List.copyOf(prompt);
            chosen = List.copyOf(chosen);
            rejected = List.copyOf(rejected);
        }

        /** The preferred final reply: the last message of {@code chosen}, the assistant's. */
        public String chosenReply() {
            return Messages.reply(chosen, "chosen");
        }

        /** The other final reply. */
        public String rejectedReply() {
            return Messages.reply(rejected, "rejected");
        }
    }

    public static Pair read(JsonNode record) {
        List<Message> prompt = Messages.stringOrList(record, "prompt", Speaker.USER);
        List<Message> chosen = Messages.stringOrList(record, "chosen", Speaker.ASSISTANT);
        List<Message> rejected = Messages.stringOrList(record, "rejected", Speaker.ASSISTANT);
        Double margin = null;
        JsonNode m = record.get("margin");
        if (m != null && !m.isNull()) {
            if (!m.isNumber()) {
                throw new FormatException("'margin' must be a number");
            }
            margin = m.asDouble();
        }
        JsonNode g = record.get("group_id");
        String group = null;
        if (g != null && !g.isNull()) {
            if (!g.isString() && !g.isNumber()) {
                throw new FormatException("'group_id' must be a string or a number");
            }
            group = g.asString();
        }
        return new Pair(prompt, chosen, rejected, margin, group);
    }
}
