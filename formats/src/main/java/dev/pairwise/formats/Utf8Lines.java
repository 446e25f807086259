package dev.pairwise.formats;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;

/**
 * Reads a file or an upload one line at a time and decodes each line as strict UTF-8, so a file with a
 * broken byte sequence is refused with the line it sits on instead of silently getting U+FFFD.
 * Strips a UTF-8 byte order mark and a trailing CR. Holds one line in memory at a time.
 */
public final class Utf8Lines {

    /** A decoded line, or the reason it could not be decoded ({@code text} is then null). */
    public record Line(int number, @Nullable String text, @Nullable String error) {
    }

    private final InputStream in;
    private final ByteArrayOutputStream buf = new ByteArrayOutputStream();
    private int number;
    private boolean eof;

    public Utf8Lines(InputStream in) {
        this.in = in;
    }

    /** The next line, or null at the end of the input. */
    public @Nullable Line next() {
        if (eof) {
            return null;
        }
        buf.reset();
        try {
            int b;
            while ((b = in.read()) != -1 && b != '\n') {
                buf.write(b);
            }
            if (b == -1) {
                eof = true;
                if (buf.size() == 0) {
                    return null;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        number++;
        byte[] bytes = buf.toByteArray();
        int start = 0;
        int end = bytes.length;
        if (number == 1 && end >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB && (bytes[2] & 0xff) == 0xBF) {
            start = 3;
        }
        if (end > start && bytes[end - 1] == '\r') {
            end--;
        }
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, start, end - start)).toString();
            return new Line(number, text, null);
        } catch (CharacterCodingException e) {
            return new Line(number, null, "invalid UTF-8");
        }
    }
}
