package dev.pairwise.policy.tokenizer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Loads a saved tokenizer, whichever kind it is. */
public final class Tokenizers {

    private Tokenizers() {
    }

    /**
     * Reads {@code tokenizer.json} from {@code directory} (a path to the file itself is accepted too)
     * and returns a {@link BpeTokenizer} for a byte-level {@code BPE} model or a
     * {@link CharTokenizer} for our char-level {@code WordLevel} model.
     *
     * @throws NoSuchFileException when there is no {@code tokenizer.json}
     * @throws IOException         naming the file and the problem when it is not valid JSON, has an
     *                             unsupported {@code model.type} (e.g. {@code Unigram}) or settings
     *                             this project cannot reproduce exactly
     */
    public static Tokenizer load(Path directory) throws IOException {
        Path file = Files.isDirectory(directory) ? directory.resolve(TokenizerJson.FILE_NAME) : directory;
        if (!Files.isRegularFile(file)) {
            throw new NoSuchFileException(file.toString(), null, "no " + TokenizerJson.FILE_NAME + " to load a tokenizer from");
        }
        return TokenizerJsonReader.read(file);
    }
}
