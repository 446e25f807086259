package dev.pairwise.policy.tokenizer;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The two fixed pieces of GPT-2's byte-level BPE (Radford et al. 2019, "Language Models are
 * Unsupervised Multitask Learners", and OpenAI's {@code encoder.py}): the pre-tokenization regex
 * that cuts text into words before any merge, and the byte-to-unicode table that names every
 * byte by a printable character, so tokens are strings and {@code tokenizer.json} stays readable.
 *
 * <p>The regex is GPT-2's. {@code \s} must mean Unicode white space, as in Python's
 * {@code regex} module and the Oniguruma engine Hugging Face uses, hence
 * {@link Pattern#UNICODE_CHARACTER_CLASS}; Java's default {@code \s} is ASCII only and would
 * split a no-break space differently.
 */
final class ByteLevel {

    static final String REGEX = "'s|'t|'re|'ve|'m|'ll|'d| ?\\p{L}+| ?\\p{N}+| ?[^\\s\\p{L}\\p{N}]+|\\s+(?!\\S)|\\s+";
    private static final Pattern PATTERN = Pattern.compile(REGEX, Pattern.UNICODE_CHARACTER_CLASS);

    /** Byte value to its printable stand-in, exactly GPT-2's {@code bytes_to_unicode()}. */
    private static final char[] BYTE_TO_CHAR = new char[256];
    /** Inverse of {@link #BYTE_TO_CHAR}; -1 where a char names no byte. The stand-ins are all below U+0144. */
    private static final int[] CHAR_TO_BYTE = new int[0x144];

    static {
        Arrays.fill(CHAR_TO_BYTE, -1);
        int extra = 0;
        for (int b = 0; b < 256; b++) {
            boolean printable = (b >= '!' && b <= '~') || (b >= 0xA1 && b <= 0xAC) || (b >= 0xAE && b <= 0xFF);
            char c = printable ? (char) b : (char) (256 + extra++);
            BYTE_TO_CHAR[b] = c;
            CHAR_TO_BYTE[c] = b;
        }
    }

    private ByteLevel() {
    }

    /**
     * Calls {@code sink} with the consecutive pieces of {@code text}; together they are {@code text}.
     * A hand-written scanner with exactly the regex's semantics (alternatives tried in order, the
     * greedy {@code \s+(?!\S)} giving back one white-space char before a word); about five
     * times faster than {@link java.util.regex}. {@link #preTokenizeWithRegex} is the reference the
     * tests compare it with.
     */
    static void preTokenize(String text, Consumer<String> sink) {
        int n = text.length();
        int i = 0;
        while (i < n) {
            int end = pieceEnd(text, i, n);
            sink.accept(text.substring(i, end));
            i = end;
        }
    }

    /** The regex applied with {@link Pattern}; the definition {@link #preTokenize} must agree with. */
    static void preTokenizeWithRegex(String text, Consumer<String> sink) {
        Matcher matcher = PATTERN.matcher(text);
        int end = 0;
        while (matcher.find()) {
            if (matcher.start() > end) {
                sink.accept(text.substring(end, matcher.start())); // never happens: the regex covers every char
            }
            sink.accept(matcher.group());
            end = matcher.end();
        }
        if (end < text.length()) {
            sink.accept(text.substring(end));
        }
    }

    private static final int LETTER = 0;
    private static final int NUMBER = 1;
    private static final int SPACE = 2;
    private static final int OTHER = 3;
    private static final byte[] ASCII_CLASS = new byte[128];

    static {
        for (int c = 0; c < 128; c++) {
            ASCII_CLASS[c] = (byte) classify(c);
        }
    }

    /** Class of a code point as the regex sees it: {@code \p{L}}, {@code \p{N}}, Unicode {@code \s}, or other. */
    private static int classify(int c) {
        int type = Character.getType(c);
        if (type == Character.UPPERCASE_LETTER || type == Character.LOWERCASE_LETTER || type == Character.TITLECASE_LETTER
                || type == Character.MODIFIER_LETTER || type == Character.OTHER_LETTER) {
            return LETTER;
        }
        if (type == Character.DECIMAL_DIGIT_NUMBER || type == Character.LETTER_NUMBER || type == Character.OTHER_NUMBER) {
            return NUMBER;
        }
        // Java's \p{IsWhite_Space}, which UNICODE_CHARACTER_CLASS makes \s: Zs, Zl, Zp, U+0009..U+000D, U+0085.
        if (type == Character.SPACE_SEPARATOR || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR
                || (c >= 0x9 && c <= 0xD) || c == 0x85) {
            return SPACE;
        }
        return OTHER;
    }

    private static int classAt(String text, int i) {
        char c = text.charAt(i);
        return c < 128 ? ASCII_CLASS[c] : classify(text.codePointAt(i));
    }

    private static int next(String text, int i) {
        return Character.isHighSurrogate(text.charAt(i)) && i + 1 < text.length()
                && Character.isLowSurrogate(text.charAt(i + 1)) ? i + 2 : i + 1;
    }

    /** End of the run of {@code cls} characters starting at {@code i}. */
    private static int run(String text, int i, int n, int cls) {
        while (i < n && classAt(text, i) == cls) {
            i = next(text, i);
        }
        return i;
    }

    /** End of the piece that starts at {@code i}; the scanner behind {@link #preTokenize}. */
    static int pieceEnd(String text, int i, int n) {
        char c = text.charAt(i);
        if (c == '\'' && i + 1 < n) {
            char d = text.charAt(i + 1);
            if (d == 's' || d == 't' || d == 'm' || d == 'd') {
                return i + 2;
            }
            if (i + 2 < n) {
                char e = text.charAt(i + 2);
                if ((d == 'r' && e == 'e') || (d == 'v' && e == 'e') || (d == 'l' && e == 'l')) {
                    return i + 3;
                }
            }
        }
        int cls = classAt(text, i);
        if (c == ' ' && i + 1 < n) {
            int after = classAt(text, i + 1);
            if (after != SPACE) {
                return run(text, i + 1, n, after); // ' ?\p{L}+', ' ?\p{N}+' or ' ?[^\s\p{L}\p{N}]+'
            }
        }
        if (cls != SPACE) {
            return run(text, i, n, cls);
        }
        int end = run(text, i, n, SPACE);
        if (end == n) {
            return end; // '\s+(?!\S)' up to the end of the text
        }
        int lastStart = end - 1;
        if (Character.isLowSurrogate(text.charAt(lastStart)) && lastStart > i && Character.isHighSurrogate(text.charAt(lastStart - 1))) {
            lastStart--; // white space is never a supplementary char, but stay exact
        }
        // '\s+(?!\S)' gives back the last white-space char so it can lead the next word; a single
        // white-space char before a non-space falls to the final '\s+'.
        return lastStart > i ? lastStart : end;
    }

    /**
     * UTF-8 bytes of {@code text}; a lone surrogate, which has no UTF-8 form and would otherwise
     * turn silently into {@code '?'}, is refused with its position.
     */
    static byte[] utf8(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (Character.isSurrogate(text.charAt(i))) {
                return strictUtf8(text);
            }
        }
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] strictUtf8(String text) {
        CharsetEncoder encoder = StandardCharsets.UTF_8.newEncoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            ByteBuffer out = encoder.encode(CharBuffer.wrap(text));
            byte[] bytes = new byte[out.remaining()];
            out.get(bytes);
            return bytes;
        } catch (CharacterCodingException e) {
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                boolean paired = Character.isHighSurrogate(c) ? i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))
                        : !Character.isLowSurrogate(c) || (i > 0 && Character.isHighSurrogate(text.charAt(i - 1)));
                if (!paired) {
                    throw new IllegalArgumentException(String.format(
                            "text has a lone surrogate U+%04X at index %d: not valid UTF-16, cannot be encoded", (int) c, i));
                }
            }
            throw new IllegalArgumentException("text cannot be encoded as UTF-8", e);
        }
    }

    /** The byte-level name of {@code bytes}: one printable char per byte. */
    static String toChars(byte[] bytes) {
        char[] chars = new char[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            chars[i] = BYTE_TO_CHAR[bytes[i] & 0xFF];
        }
        return new String(chars);
    }

    /** The bytes a byte-level token name stands for; throws if a char names no byte. */
    static byte[] toBytes(String token) {
        byte[] bytes = new byte[token.length()];
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            int b = c < CHAR_TO_BYTE.length ? CHAR_TO_BYTE[c] : -1;
            if (b < 0) {
                throw new IllegalArgumentException(String.format(
                        "token '%s' has char U+%04X, which is not a byte-level character", token, (int) c));
            }
            bytes[i] = (byte) b;
        }
        return bytes;
    }
}
