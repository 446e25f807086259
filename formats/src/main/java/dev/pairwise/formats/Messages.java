package dev.pairwise.formats;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** OpenAI/TRL message lists: {@code [{"role": ..., "content": ...}, ...]}. */
public final class Messages {

    private Messages() {
    }

    /** The messages of {@code record[field]}, which must be a list of {role, content} objects. */
    public static List<Message> list(JsonNode record, String field) {
        JsonNode array = record.get(field);
        if (array == null || !array.isArray()) {
            throw new FormatException("'" + field + "' must be a list of {role, content} messages");
        }
        List<Message> messages = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            JsonNode m = array.get(i);
            if (!m.isObject()) {
                throw new FormatException("'" + field + "'[" + i + "] must be a {role, content} object");
            }
            try {
                messages.add(new Message(Speaker.parse(JsonLines.string(m, "role")), JsonLines.string(m, "content")));
            } catch (IllegalArgumentException e) {
                throw new FormatException("'" + field + "'[" + i + "]: " + e.getMessage());
            }
        }
        return messages;
    }

    /**
     * {@code record[field]} as a string (one message of {@code speaker}) or as a message list,
     * the two ways TRL datasets hold a prompt or an answer.
     */
    public static List<Message> stringOrList(JsonNode record, String field, Speaker speaker) {
        JsonNode v = record.get(field);
        if (v != null && v.isArray()) {
            return list(record, field);
        }
        if (v != null && !v.isNull() && !v.isString()) {
            throw new FormatException("'" + field + "' must be a string or a message list");
        }
        return List.of(new Message(speaker, JsonLines.string(record, field)));
    }

    /** The last message's text, which must be the assistant's (the reply a side of a pair gives). */
    public static String reply(List<Message> side, String field) {
        if (side.isEmpty() || side.getLast().speaker() != Speaker.ASSISTANT) {
            throw new FormatException("'" + field + "' must end with an assistant message");
        }
        return side.getLast().content();
    }
}
