package dev.pairwise.labeling;

import org.jspecify.annotations.Nullable;

/**
 * Checks shared by every text a person or a file hands us: present, not blank, within the size
 * limit, and well-formed Unicode (no lone surrogates: what invalid UTF-8 decodes to once a
 * decoder is told to fail is caught earlier; a Java string can still carry broken pairs).
 */
public final class TextRules {

    private TextRules() {
    }

    /** Returns {@code text} if it is non-blank, at most {@code max} chars and valid Unicode. */
    public static String require(String field, @Nullable String text, int max) {
        if (text == null || text.isBlank()) {
            throw new InvalidInputException(field, field + " must not be empty");
        }
        return limit(field, text, max);
    }

    /** Like {@link #require} but {@code null} or blank passes as {@code null}. */
    public static @Nullable String optional(String field, @Nullable String text, int max) {
        if (text == null || text.isBlank()) {
            return null;
        }
        return limit(field, text, max);
    }

    private static String limit(String field, String text, int max) {
        if (text.length() > max) {
            throw new InvalidInputException(field,
                    field + " is " + text.length() + " characters, over the limit of " + max);
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
                    throw new InvalidInputException(field, field + " is not valid Unicode (lone surrogate)");
                }
                i++;
            } else if (Character.isLowSurrogate(c) || c == '\u0000') {
                throw new InvalidInputException(field, field + " is not valid Unicode text");
            }
        }
        return text;
    }
}
