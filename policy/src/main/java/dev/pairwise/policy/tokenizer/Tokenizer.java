package dev.pairwise.policy.tokenizer;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Text to token ids and back. Implementations: byte-level BPE (GPT-2 style) and a char-level
 * mode for the nanoGPT comparison. Both persist as a Hugging Face {@code tokenizer.json}.
 *
 * <p>Contract: {@code decode(encode(s)).equals(s)} for every valid UTF-16 string {@code s} whose
 * characters are all in the vocabulary (always, for byte-level BPE).
 */
public interface Tokenizer {

    /** Number of ids, special tokens included; ids are {@code 0 .. vocabSize()-1}. */
    int vocabSize();

    /**
     * Encodes plain text. Special-token strings inside {@code text} are encoded as ordinary text;
     * a character outside a char-level vocabulary as its unknown-character id.
     *
     * @throws IllegalArgumentException when {@code text} cannot be encoded: a lone surrogate (not
     *                                  valid UTF-16), or a character outside a char-level vocabulary
     *                                  that has no unknown-character id; the message names it
     */
    int[] encode(String text);

    /**
     * The characters of {@code text} outside the vocabulary, as code points in the order they
     * appear: what {@link #encode} turns into the unknown-character id. Empty for byte-level BPE,
     * whose bytes cover every character.
     */
    default int[] unknownCharacters(String text) {
        return new int[0];
    }

    /**
     * Encodes text in which the special tokens of {@link SpecialTokens} (for example
     * {@code <|user|>}) stand for their ids, as the chat template writes them.
     */
    int[] encodeWithSpecials(String text);

    /**
     * Decodes ids to text; special tokens render as their strings. Byte-level ids that end in the
     * middle of a multi-byte character decode to U+FFFD, as in Hugging Face's decoder.
     *
     * @throws IllegalArgumentException for an id outside {@code 0 .. vocabSize()-1}
     */
    String decode(int[] ids);

    /**
     * The id of a special token such as {@link SpecialTokens#END}.
     *
     * @throws IllegalArgumentException when this tokenizer has no such special token
     */
    int specialId(String token);

    /**
     * Writes {@code tokenizer.json} (Hugging Face format) into {@code directory}, creating it if
     * needed and replacing an existing file atomically; {@link Tokenizers#load} reads it back.
     */
    void save(Path directory) throws IOException;
}
