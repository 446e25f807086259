package dev.pairwise.app.connections;

/**
 * One message of a chat request, in our own terms so callers need not know the client library.
 *
 * @param role    who speaks
 * @param content the text (not empty)
 */
public record ChatMessage(Role role, String content) {

    /** The roles of the chat-completions protocol that Pairwise sends. */
    public enum Role { SYSTEM, USER, ASSISTANT }

    public ChatMessage {
        if (role == null || content == null || content.isEmpty()) {
            throw new IllegalArgumentException("A chat message needs a role and some text");
        }
    }

    public static ChatMessage system(String content) {
        return new ChatMessage(Role.SYSTEM, content);
    }

    public static ChatMessage user(String content) {
        return new ChatMessage(Role.USER, content);
    }

    public static ChatMessage assistant(String content) {
        return new ChatMessage(Role.ASSISTANT, content);
    }
}
