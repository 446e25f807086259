/*
 * Incremental detokenisation. A byte-level BPE token can hold part of a UTF-8 character, so
 * decoding tokens one at a time would print replacement characters; instead the whole text so
 * far is decoded and only the new suffix is emitted, holding it back while it ends in an
 * incomplete character (decoded as U+FFFD).
 */
package dev.pairwise.policy.sample;

import dev.pairwise.policy.tokenizer.Tokenizer;
import java.util.Arrays;

/** The growing text of one sample: feed ids, get the text each one adds. */
final class TextStream {

    private static final char REPLACEMENT = '\uFFFD';

    private final Tokenizer tokenizer;
    private int[] ids = new int[16];
    private int count;
    private int emitted;

    TextStream(Tokenizer tokenizer) {
        this.tokenizer = tokenizer;
    }

    /** Appends {@code id} and returns the text it completes (possibly empty). */
    String push(int id) {
        if (count == ids.length) {
            ids = Arrays.copyOf(ids, count * 2);
        }
        ids[count++] = id;
        String text = tokenizer.decode(Arrays.copyOf(ids, count));
        if (text.isEmpty() || text.charAt(text.length() - 1) == REPLACEMENT || text.length() < emitted) {
            return "";
        }
        String piece = text.substring(emitted);
        emitted = text.length();
        return piece;
    }

    /** The text not yet returned by {@link #push} (an incomplete character at the very end). */
    String flush() {
        String text = tokenizer.decode(Arrays.copyOf(ids, count));
        String rest = text.length() > emitted ? text.substring(emitted) : "";
        emitted = text.length();
        return rest;
    }
}
