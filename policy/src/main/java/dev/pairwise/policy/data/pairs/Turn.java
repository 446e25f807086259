package dev.pairwise.policy.data.pairs;

import dev.pairwise.formats.Message;
import dev.pairwise.formats.Speaker;
import java.util.List;
import java.util.Objects;

/** One message of a conversation. */
public record Turn(Speaker role, String content) {

    public Turn {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(content, "content");
    }

    /** A one-turn prompt: the user says {@code text}. */
    public static List<Turn> user(String text) {
        return List.of(new Turn(Speaker.USER, text));
    }

    /** The turns of messages a file holds. */
    public static List<Turn> of(List<Message> messages) {
        return messages.stream().map(m -> new Turn(m.speaker(), m.content())).toList();
    }

    /** Checks a prompt: non-empty, and its last turn is the user's (the assistant answers next). */
    static List<Turn> checkPrompt(List<Turn> prompt) {
        if (prompt.isEmpty()) {
            throw new IllegalArgumentException("prompt has no turns");
        }
        if (prompt.getLast().role() == Speaker.ASSISTANT) {
            throw new IllegalArgumentException("prompt ends with an assistant turn; the assistant must answer next");
        }
        return List.copyOf(prompt);
    }
}
