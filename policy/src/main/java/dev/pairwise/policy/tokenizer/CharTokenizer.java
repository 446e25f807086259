package dev.pairwise.policy.tokenizer;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Character-level tokenizer, the one of nanoGPT's Shakespeare baseline (Karpathy's
 * {@code prepare.py}): the vocabulary is the sorted distinct characters of the corpus (Unicode code
 * points, as Python's {@code sorted(set(text))}), ids in that order, then the four
 * {@link SpecialTokens}, then {@link SpecialTokens#UNK}. Tiny Shakespeare gives 65 characters,
 * so 70 ids.
 *
 * <p>A character outside the vocabulary (a new corpus, a user's prompt, an emoji in HH-RLHF)
 * encodes as the unknown-character id, {@code <|unk|>}: one id per character, so positions still
 * line up, and {@link #unknownCharacters} says which ones it was. Vocabularies saved before that
 * id existed (the four chat tokens only) stay loadable with their model: their unknown characters
 * encode as {@code <|pad|>}, whose embedding, like a fresh {@code <|unk|>}'s, no trainer ever
 * learns from (padding is masked), so the model reads both as "something it never saw". Saved as a
 * Hugging Face {@code tokenizer.json} with a {@code WordLevel} model whose {@code unk_token} is that
 * id, a {@code Split} pre-tokenizer that isolates every character, and a {@code Fuse} decoder; the
 * {@code tokenizers} library loads it and encodes the same ids, unknown characters included.
 */
public final class CharTokenizer implements Tokenizer {

    private final int[] codePoints;
    private final Map<Integer, Integer> ids;
    private final Map<String, Integer> specials;
    private final List<String> specialsById;
    /** What a character outside the vocabulary encodes as; -1 when there is no such id (then it is refused). */
    private final int unknownId;

    /**
     * @param codePoints the vocabulary's characters in id order, distinct
     * @param specials   the special tokens with their ids, which follow the characters'; the
     *                   unknown-character id is {@link SpecialTokens#UNK}'s, else {@link SpecialTokens#PAD}'s
     */
    CharTokenizer(int[] codePoints, Map<String, Integer> specials) {
        this.codePoints = codePoints.clone();
        this.ids = new HashMap<>();
        for (int id = 0; id < codePoints.length; id++) {
            if (ids.put(codePoints[id], id) != null) {
                throw new IllegalArgumentException(describe(codePoints[id]) + " appears twice in the vocabulary");
            }
        }
        this.specials = Collections.unmodifiableMap(new LinkedHashMap<>(specials));
        this.specialsById = List.copyOf(this.specials.keySet());
        int expected = codePoints.length;
        for (Map.Entry<String, Integer> entry : this.specials.entrySet()) {
            if (entry.getKey().isEmpty() || entry.getValue() != expected++) {
                throw new IllegalArgumentException("special token '" + entry.getKey() + "' must have id " + (expected - 1)
                        + " (after the characters), has " + entry.getValue());
            }
        }
        this.unknownId = this.specials.getOrDefault(SpecialTokens.UNK, this.specials.getOrDefault(SpecialTokens.PAD, -1));
    }

    /** The vocabulary of {@code documents}: their sorted distinct characters, the special tokens, then {@code <|unk|>}. */
    public static CharTokenizer train(List<String> documents) {
        TreeSet<Integer> chars = new TreeSet<>();
        for (String document : documents) {
            document.codePoints().forEach(chars::add);
        }
        if (chars.isEmpty()) {
            throw new IllegalArgumentException("corpus is empty: nothing to build a character vocabulary from");
        }
        for (int c : chars) {
            if (Character.isSurrogate((char) c) && c <= 0xFFFF) {
                throw new IllegalArgumentException("corpus has a lone surrogate " + describe(c) + ": not valid UTF-16");
            }
        }
        Map<String, Integer> specials = new LinkedHashMap<>();
        for (String special : SpecialTokens.ALL) {
            specials.put(special, chars.size() + specials.size());
        }
        specials.put(SpecialTokens.UNK, chars.size() + specials.size());
        return new CharTokenizer(chars.stream().mapToInt(Integer::intValue).toArray(), specials);
    }

    @Override
    public int vocabSize() {
        return codePoints.length + specials.size();
    }

    /** Encodes each character; one outside the vocabulary as the unknown-character id. */
    @Override
    public int[] encode(String text) {
        IntList out = new IntList(text.length());
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            Integer id = ids.get(c);
            if (id == null) {
                if (unknownId < 0) {
                    throw new IllegalArgumentException("character " + describe(c) + " at index " + i
                            + " is not in the vocabulary of this character-level tokenizer, which has no "
                            + SpecialTokens.UNK + " or " + SpecialTokens.PAD + " to stand for it");
                }
                id = unknownId;
            }
            out.add(id);
            i += Character.charCount(c);
        }
        return out.toArray();
    }

    @Override
    public int[] unknownCharacters(String text) {
        IntList out = new IntList(0);
        text.codePoints().filter(c -> !ids.containsKey(c)).forEach(out::add);
        return out.toArray();
    }

    /** The id characters outside the vocabulary encode as, or -1 when this vocabulary has none. */
    public int unknownId() {
        return unknownId;
    }

    @Override
    public int[] encodeWithSpecials(String text) {
        return SpecialSplitter.encode(text, specials, this::encode);
    }

    @Override
    public String decode(int[] ids) {
        StringBuilder out = new StringBuilder(ids.length);
        for (int id : ids) {
            if (id >= 0 && id < codePoints.length) {
                out.appendCodePoint(codePoints[id]);
            } else if (id >= codePoints.length && id < vocabSize()) {
                out.append(specialsById.get(id - codePoints.length));
            } else {
                throw new IllegalArgumentException("token id " + id + " is outside the vocabulary 0.." + (vocabSize() - 1));
            }
        }
        return out.toString();
    }

    @Override
    public int specialId(String token) {
        Integer id = specials.get(token);
        if (id == null) {
            throw new IllegalArgumentException("'" + token + "' is not a special token of this tokenizer (have " + specials.keySet() + ")");
        }
        return id;
    }

    @Override
    public void save(Path directory) throws IOException {
        TokenizerJson.write(directory, TokenizerJson.charLevel(this));
    }

    /** The characters of the vocabulary in id order (specials excluded). */
    public List<String> characters() {
        List<String> out = new ArrayList<>(codePoints.length);
        for (int c : codePoints) {
            out.add(Character.toString(c));
        }
        return out;
    }

    Map<String, Integer> specials() {
        return specials;
    }

    /** A character as a person can find it: {@code 'é' (U+00E9 LATIN SMALL LETTER E WITH ACUTE)}. */
    public static String describe(int c) {
        String shown = Character.isISOControl(c) || Character.isWhitespace(c) ? "" : "'" + Character.toString(c) + "' ";
        return shown + String.format("(U+%04X %s)", c, Character.getName(c) == null ? "unassigned" : Character.getName(c));
    }
}
