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
 * {@link SpecialTokens}. Tiny Shakespeare gives 65 characters, so 69 ids.
 *
 * <p>It has no fallback: a character outside the vocabulary cannot be encoded and is refused
 * with an {@link IllegalArgumentException} that names it. Saved as a Hugging Face
 * {@code tokenizer.json} with a {@code WordLevel} model, a {@code Split} pre-tokenizer that isolates
 * every character, and a {@code Fuse} decoder; the {@code tokenizers} library loads it and encodes
 * the same ids.
 */
public final class CharTokenizer implements Tokenizer {

    private final int[] codePoints;
    private final Map<Integer, Integer> ids;
    private final Map<String, Integer> specials;
    private final List<String> specialsById;

    /** @param codePoints the vocabulary's characters in id order, distinct */
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
    }

    /** The vocabulary of {@code documents}: their sorted distinct characters, then the special tokens. */
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
        return new CharTokenizer(chars.stream().mapToInt(Integer::intValue).toArray(), specials);
    }

    @Override
    public int vocabSize() {
        return codePoints.length + specials.size();
    }

    /** Encodes each character; throws {@link IllegalArgumentException} naming the first unknown one. */
    @Override
    public int[] encode(String text) {
        IntList out = new IntList(text.length());
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            Integer id = ids.get(c);
            if (id == null) {
                throw new IllegalArgumentException("character " + describe(c) + " at index " + i
                        + " is not in the vocabulary of this character-level tokenizer");
            }
            out.add(id);
            i += Character.charCount(c);
        }
        return out.toArray();
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

    private static String describe(int c) {
        String shown = Character.isISOControl(c) || Character.isWhitespace(c) ? "" : "'" + Character.toString(c) + "' ";
        return shown + String.format("(U+%04X %s)", c, Character.getName(c) == null ? "unassigned" : Character.getName(c));
    }
}
