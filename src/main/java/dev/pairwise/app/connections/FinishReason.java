package dev.pairwise.app.connections;

/** Why the model stopped ({@code finish_reason}). */
public enum FinishReason {
    /** It finished, or hit a stop sequence. */
    STOP,
    /** It ran into {@code max_tokens}: the text is cut off. */
    LENGTH,
    /** The server's content filter stopped it. */
    CONTENT_FILTER,
    /** It asked to call a tool (Pairwise offers none). */
    TOOL_CALLS,
    /** The server gave no reason or one we do not know. */
    OTHER
}
