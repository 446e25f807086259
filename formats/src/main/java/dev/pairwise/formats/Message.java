package dev.pairwise.formats;

import java.util.Objects;

/** One message of a conversation as a file holds it: who speaks and what is said. */
public record Message(Speaker speaker, String content) {

    public Message {
        Objects.requireNonNull(speaker, "speaker");
        Objects.requireNonNull(content, "content");
    }
}
