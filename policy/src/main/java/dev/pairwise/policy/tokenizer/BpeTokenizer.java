package dev.pairwise.policy.tokenizer;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Byte-level BPE as in GPT-2 (Radford et al. 2019), on merges learned per Sennrich et al. 2016.
 *
 * <p>Encoding: cut the text with GPT-2's regex, take each piece's UTF-8 bytes, and apply the merges
 * by rank ({@link MergeRules}); a per-piece cache (as in Hugging Face's BPE model) skips the merge
 * loop for words seen before. Every byte has a token, so any valid UTF-16 string encodes without
 * an unknown token and {@code decode(encode(s)).equals(s)}.
 *
 * <p>The vocabulary is exactly Hugging Face's ByteLevel one (GPT-2's byte-to-unicode names), so
 * {@link #save} writes a {@code tokenizer.json} that the Rust/Python {@code tokenizers} library
 * loads and that encodes the same ids. Instances are immutable and thread-safe.
 *
 * <p>Newer byte-level files (Llama 3, Qwen2/2.5/3) cut the text with their own regex (a
 * {@code Split} pre-tokenizer, behaviour {@code Isolated}, before a {@code ByteLevel} one with
 * {@code use_regex=false}) and may NFC-normalize first; {@link #BpeTokenizer(List, int[][], Map,
 * String, boolean)} takes that regex and the normalization, and {@link #save} writes them back.
 */
public final class BpeTokenizer implements Tokenizer {

    /** 2^17 cache slots: room for the ~25k distinct words of Tiny Shakespeare with few collisions, about 1 MB. */
    private static final int CACHE_SLOTS_LOG2 = 17;

    private final List<String> tokens;
    private final int[][] merges;
    private final Map<String, Integer> added;
    private final byte[][] tokenBytes;
    private final MergeRules rules;
    private final PieceCache cache = new PieceCache(CACHE_SLOTS_LOG2);
    /** The {@code Split} pre-tokenizer's regex as the file spells it; null for GPT-2's (the fast scanner). */
    private final String splitRegex;
    private final Pattern split;
    private final boolean nfc;

    /**
     * @param tokens byte-level token strings by id (added tokens hold their content)
     * @param merges {@code {left, right, result}} ids by rank
     * @param added  added (special) token content to id, in id order
     */
    BpeTokenizer(List<String> tokens, int[][] merges, Map<String, Integer> added) {
        this(tokens, merges, added, null, false);
    }

    /**
     * @param splitRegex the {@code Split} pre-tokenizer's regex (Oniguruma syntax, which for the
     *                   patterns in Hugging Face files Java reads the same with Unicode character
     *                   classes), or null for GPT-2's
     * @param nfc        whether text is NFC-normalized before it is cut (a {@code NFC} normalizer)
     * @throws IllegalArgumentException also when {@code splitRegex} does not compile
     */
    BpeTokenizer(List<String> tokens, int[][] merges, Map<String, Integer> added, String splitRegex, boolean nfc) {
        this.splitRegex = splitRegex;
        try {
            // \s, \w and \b must be Unicode's, as in Oniguruma (see ByteLevel).
            this.split = splitRegex == null ? null : Pattern.compile(splitRegex, Pattern.UNICODE_CHARACTER_CLASS);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("pre-tokenizer regex does not compile: " + e.getMessage(), e);
        }
        this.nfc = nfc;
        this.tokens = List.copyOf(tokens);
        this.merges = merges.clone();
        this.added = Collections.unmodifiableMap(new LinkedHashMap<>(added));
        Map<String, Integer> ids = new HashMap<>();
        for (int id = 0; id < this.tokens.size(); id++) {
            if (ids.putIfAbsent(this.tokens.get(id), id) != null) {
                throw new IllegalArgumentException("token '" + this.tokens.get(id) + "' has two ids");
            }
        }
        tokenBytes = new byte[this.tokens.size()][];
        for (int id = 0; id < tokenBytes.length; id++) {
            String token = this.tokens.get(id);
            tokenBytes[id] = Integer.valueOf(id).equals(added.get(token))
                    ? token.getBytes(StandardCharsets.UTF_8) : ByteLevel.toBytes(token);
        }
        int[] byteToId = new int[256];
        for (int b = 0; b < 256; b++) {
            Integer id = ids.get(ByteLevel.toChars(new byte[] {(byte) b}));
            if (id == null) {
                throw new IllegalArgumentException(String.format("vocabulary lacks the token for byte 0x%02X", b));
            }
            byteToId[b] = id;
        }
        for (int rank = 0; rank < merges.length; rank++) {
            int[] m = merges[rank];
            for (int id : m) {
                if (id < 0 || id >= this.tokens.size()) {
                    throw new IllegalArgumentException("merge " + rank + " refers to id " + id + " outside the vocabulary");
                }
            }
            if (!this.tokens.get(m[2]).equals(this.tokens.get(m[0]) + this.tokens.get(m[1]))) {
                throw new IllegalArgumentException("merge " + rank + " of '" + this.tokens.get(m[0]) + "' and '"
                        + this.tokens.get(m[1]) + "' does not give token " + m[2] + " '" + this.tokens.get(m[2]) + "'");
            }
        }
        for (Map.Entry<String, Integer> entry : this.added.entrySet()) {
            int id = entry.getValue();
            if (entry.getKey().isEmpty() || id < 0 || id >= this.tokens.size() || !this.tokens.get(id).equals(entry.getKey())) {
                throw new IllegalArgumentException("added token '" + entry.getKey() + "' does not match vocabulary id " + id);
            }
        }
        rules = new MergeRules(byteToId, merges);
    }

    /** The trainer's result: byte tokens and merged tokens, then the four special tokens appended. */
    static BpeTokenizer fromMerges(List<String> learned, List<int[]> merges) {
        List<String> tokens = new ArrayList<>(learned);
        Map<String, Integer> specials = new LinkedHashMap<>();
        for (String special : SpecialTokens.ALL) {
            specials.put(special, tokens.size());
            tokens.add(special);
        }
        return new BpeTokenizer(tokens, merges.toArray(int[][]::new), specials);
    }

    @Override
    public int vocabSize() {
        return tokens.size();
    }

    @Override
    public int[] encode(String text) {
        if (nfc) {
            text = Normalizer.normalize(text, Normalizer.Form.NFC);
        }
        IntList ids = new IntList(text.length() / 3);
        int n = text.length();
        if (split == null) {
            for (int start = 0, end; start < n; start = end) {
                end = ByteLevel.pieceEnd(text, start, n);
                encodePiece(text, start, end, ids);
            }
            return ids.toArray();
        }
        // Split with behaviour Isolated: every match is a piece, and so is every gap between matches.
        Matcher matcher = split.matcher(text);
        int done = 0;
        while (matcher.find()) {
            if (matcher.start() > done) {
                encodePiece(text, done, matcher.start(), ids);
            }
            if (matcher.end() > matcher.start()) {
                encodePiece(text, matcher.start(), matcher.end(), ids);
            }
            done = matcher.end();
        }
        if (done < n) {
            encodePiece(text, done, n, ids);
        }
        return ids.toArray();
    }

    private void encodePiece(String text, int start, int end, IntList ids) {
        int hash = PieceCache.hash(text, start, end);
        int[] piece = cache.get(text, start, end, hash);
        if (piece == null) {
            String word = text.substring(start, end);
            piece = rules.apply(ByteLevel.utf8(word));
            cache.put(word, hash, piece);
        }
        ids.addAll(piece);
    }

    @Override
    public int[] encodeWithSpecials(String text) {
        return SpecialSplitter.encode(text, added, this::encode);
    }

    @Override
    public String decode(int[] ids) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(ids.length * 4);
        for (int id : ids) {
            if (id < 0 || id >= tokenBytes.length) {
                throw new IllegalArgumentException("token id " + id + " is outside the vocabulary 0.." + (tokenBytes.length - 1));
            }
            bytes.writeBytes(tokenBytes[id]);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Override
    public int specialId(String token) {
        Integer id = added.get(token);
        if (id == null) {
            throw new IllegalArgumentException("'" + token + "' is not a special token of this tokenizer (have " + added.keySet() + ")");
        }
        return id;
    }

    @Override
    public void save(Path directory) throws IOException {
        TokenizerJson.write(directory, TokenizerJson.bpe(this));
    }

    /** Byte-level token strings by id, as they appear in {@code tokenizer.json}. */
    public List<String> tokens() {
        return tokens;
    }

    /** The merges in rank order, each as {@code "left right"} in byte-level strings (the {@code tokenizer.json} form). */
    public List<String> merges() {
        List<String> out = new ArrayList<>(merges.length);
        for (int[] m : merges) {
            out.add(tokens.get(m[0]) + " " + tokens.get(m[1]));
        }
        return out;
    }

    Map<String, Integer> added() {
        return added;
    }

    /** The {@code Split} pre-tokenizer's regex, or null where GPT-2's ByteLevel regex cuts the text. */
    String splitRegex() {
        return splitRegex;
    }

    /** Whether text is NFC-normalized before it is cut. */
    boolean nfc() {
        return nfc;
    }
}
