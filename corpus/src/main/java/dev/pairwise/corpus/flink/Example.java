package dev.pairwise.corpus.flink;

import java.io.Serializable;

/**
 * A removed document as the report shows it: its id, the start of its text and why it went.
 *
 * @param key    input order (the report shows the earliest examples, so reruns show the same ones)
 * @param id     the document's id
 * @param text   its first {@value #MAX_CHARS} characters
 * @param reason the rule or the document it duplicates
 */
public record Example(long key, String id, String text, String reason) implements Serializable {

    /** Characters of text an example keeps. */
    public static final int MAX_CHARS = 300;

    static Example of(Doc doc, String reason) {
        String t = doc.text.length() > MAX_CHARS ? doc.text.substring(0, MAX_CHARS) + "…" : doc.text;
        return new Example(doc.key, doc.id, t, reason);
    }
}
