package dev.pairwise.corpus.text;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.HexFormat;
import java.util.Locale;

/**
 * The key of exact deduplication: two documents are exact duplicates when their normal forms are
 * equal. The normal form is Unicode NFC (so a precomposed "é" equals "e" + combining accent),
 * lower case (root locale, so the result does not depend on the machine), and every run of white
 * space folded to one space with none at either end — the differences a copy picks up on the way
 * through HTML, editors and scrapers. The key is the first 128 bits of SHA-256 of that text: at a
 * billion documents the chance of one accidental collision is about 10⁻²¹.
 */
public final class ExactHash {

    private ExactHash() {
    }

    /** NFC, lower case, white space folded. */
    public static String normalize(String text) {
        String nfc = Normalizer.normalize(text, Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
        StringBuilder out = new StringBuilder(nfc.length());
        boolean space = false;
        for (int i = 0; i < nfc.length(); ) {
            int cp = nfc.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
                space = !out.isEmpty();
            } else {
                if (space) {
                    out.append(' ');
                    space = false;
                }
                out.appendCodePoint(cp);
            }
        }
        return out.toString();
    }

    /** 32 hex digits: the first 16 bytes of SHA-256 of {@link #normalize normalize(text)} in UTF-8. */
    public static String of(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(normalize(text).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
