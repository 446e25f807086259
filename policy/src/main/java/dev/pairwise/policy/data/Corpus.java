/*
 * Reading the text a model is pretrained on: UTF-8 files, joined by a newline.
 */
package dev.pairwise.policy.data;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/** Loads corpus files as one text. */
public final class Corpus {

    private Corpus() {
    }

    /**
     * The files' text (strict UTF-8), joined with {@code "\n"} between files.
     *
     * @throws IllegalArgumentException naming a missing, unreadable, non-UTF-8 file, or when the
     *                                  whole corpus is empty
     */
    public static String read(List<Path> files) {
        if (files.isEmpty()) {
            throw new IllegalArgumentException("no corpus file given");
        }
        StringBuilder text = new StringBuilder();
        for (Path file : files) {
            String part;
            try {
                byte[] bytes = Files.readAllBytes(file);
                part = StandardCharsets.UTF_8.newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)
                        .decode(java.nio.ByteBuffer.wrap(bytes)).toString();
            } catch (NoSuchFileException e) {
                throw new IllegalArgumentException("corpus file not found: " + file, e);
            } catch (CharacterCodingException e) {
                throw new IllegalArgumentException("corpus file is not valid UTF-8: " + file, e);
            } catch (IOException e) {
                throw new IllegalArgumentException("cannot read corpus file " + file + ": " + e.getMessage(), e);
            }
            if (!text.isEmpty() && !part.isEmpty()) {
                text.append('\n');
            }
            text.append(part);
        }
        if (text.isEmpty()) {
            throw new IllegalArgumentException("corpus is empty: " + files);
        }
        return text.toString();
    }
}
