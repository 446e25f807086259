package dev.pairwise.policy.tokenizer;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Text to token ids and back. Implementations: byte-level BPE (GPT-2 style) and a char-level
 * mode for the nanoGPT comparison. Both persist as a Hugging Face {@code tokenizer.json}.
 *
 * <p>Contract: {@code decode(encode(s)).equals(s)} for every valid UTF-16 string {@code s}.
 */
public interface Tokenizer {

    /** Number of ids, special tokens included; ids are {@code 0 .. vocabSize()-1}. */
    int vocabSize();

    /** Encodes plain text. Special-token strings inside {@code text} are encoded as ordinary text. */
    int[] encode(String text);

    /**
     * Encodes text in which the special tokens of {@link SpecialTokens} (for example
     * {@code <|user|>}) stand for their ids, as the chat template writes them.
     */
    int[] encodeWithSpecials(String text);

    /** Decodes ids to text; special tokens render as their strings. */
    String decode(int[] ids);

    /** The id of a special token such as {@link SpecialTokens#END}; throws if it has none. */
    int specialId(String token);

    /** Writes {@code tokenizer.json} (Hugging Face format) into {@code directory}. */
    void save(Path directory) throws IOException;
}
