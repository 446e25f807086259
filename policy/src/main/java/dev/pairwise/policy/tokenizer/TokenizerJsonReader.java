package dev.pairwise.policy.tokenizer;

import dev.pairwise.policy.io.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Reads a Hugging Face {@code tokenizer.json} into one of our tokenizers: a byte-level BPE (ours or
 * any GPT-2-style file, e.g. GPT-2's own) or our char-level WordLevel file. Anything this project
 * cannot reproduce exactly (another model type, a normalizer, a prefix space, a different
 * pre-tokenizer) is refused with an {@link IOException} that names the file and the field, rather
 * than loaded into a tokenizer that would encode differently from the library.
 */
final class TokenizerJsonReader {

    private final Path file;

    private TokenizerJsonReader(Path file) {
        this.file = file;
    }

    static Tokenizer read(Path file) throws IOException {
        return new TokenizerJsonReader(file).read();
    }

    private Tokenizer read() throws IOException {
        JsonNode root;
        try {
            // bytes, so Jackson's own UTF-8 decoder reports malformed input
            root = Json.MAPPER.readTree(Files.readAllBytes(file));
        } catch (JacksonException e) {
            throw fault("is not valid UTF-8 JSON (" + e.getOriginalMessage() + ")");
        }
        if (root == null || !root.isObject()) {
            throw fault("is not a JSON object");
        }
        JsonNode model = object(root, "model");
        String type = stringOrNull(model, "type");
        try {
            if ("BPE".equals(type)) {
                return bpe(root, model);
            }
            if ("WordLevel".equals(type)) {
                return charLevel(root, model);
            }
        } catch (IllegalArgumentException | IllegalStateException | JacksonException e) {
            throw fault("is not a tokenizer this project can load: " + e.getMessage());
        }
        throw fault("model.type '" + type + "' is not supported (supported: 'BPE' byte-level, 'WordLevel' char-level)");
    }

    private Tokenizer bpe(JsonNode root, JsonNode model) throws IOException {
        boolean nfc = nfcOrNone(root);
        String splitRegex = splitRegex(object(root, "pre_tokenizer"));
        for (String field : List.of("dropout", "continuing_subword_prefix", "end_of_word_suffix")) {
            if (Json.present(model, field) && !text(model.get(field)).isEmpty()) {
                throw fault("model." + field + "=" + model.get(field) + " is not supported");
            }
        }
        for (String field : List.of("byte_fallback", "ignore_merges")) {
            if (model.has(field) && flag(model.get(field))) {
                throw fault("model." + field + "=true is not supported");
            }
        }
        Map<String, Integer> added = addedTokens(root);
        List<String> tokens = tokensById(object(model, "vocab"), added);
        Map<String, Integer> ids = new HashMap<>();
        for (int id = 0; id < tokens.size(); id++) {
            ids.put(tokens.get(id), id);
        }
        JsonNode mergeList = array(model, "merges");
        int[][] merges = new int[mergeList.size()][];
        for (int rank = 0; rank < merges.length; rank++) {
            JsonNode merge = mergeList.get(rank);
            String[] parts;
            if (merge.isArray()) {
                parts = merge.size() == 2 ? new String[] {text(merge.get(0)), text(merge.get(1))} : new String[0];
            } else {
                parts = text(merge).split(" ", -1);
            }
            if (parts.length != 2) {
                throw fault("model.merges[" + rank + "] " + merge + " is not a pair of tokens");
            }
            Integer left = ids.get(parts[0]);
            Integer right = ids.get(parts[1]);
            Integer result = ids.get(parts[0] + parts[1]);
            if (left == null || right == null || result == null) {
                throw fault("model.merges[" + rank + "] " + merge + " uses or makes a token missing from model.vocab");
            }
            merges[rank] = new int[] {left, right, result};
        }
        return new BpeTokenizer(tokens, merges, added, splitRegex, nfc);
    }

    /** True for an {@code NFC} normalizer, false for none; anything else is refused. */
    private boolean nfcOrNone(JsonNode root) throws IOException {
        JsonNode normalizer = root.get("normalizer");
        if (normalizer == null || normalizer.isNull()) {
            return false;
        }
        if (normalizer.isObject() && "NFC".equals(stringOrNull(normalizer, "type")) && normalizer.size() == 1) {
            return true;
        }
        throw fault("normalizer " + normalizer + " is not supported (only null or {\"type\":\"NFC\"})");
    }

    /**
     * The regex that cuts text into words: null for GPT-2's ({@code ByteLevel} with its own regex),
     * or the pattern of a {@code Split} (behaviour {@code Isolated}, not inverted) followed by a
     * {@code ByteLevel} with {@code use_regex=false}, the layout of Llama 3 and Qwen2/2.5/3.
     */
    private String splitRegex(JsonNode pre) throws IOException {
        String type = stringOrNull(pre, "type");
        if ("ByteLevel".equals(type)) {
            requirePrefixSpaceFalse(pre, "pre_tokenizer");
            if (pre.has("use_regex") && !flag(pre.get("use_regex"))) {
                throw fault("pre_tokenizer.use_regex=false is not supported without a Split before it (the GPT-2 regex is required)");
            }
            return null;
        }
        JsonNode steps = "Sequence".equals(type) && pre.has("pretokenizers") && pre.get("pretokenizers").isArray()
                ? pre.get("pretokenizers") : null;
        if (steps == null || steps.size() != 2 || !steps.get(0).isObject() || !steps.get(1).isObject()) {
            throw fault("pre_tokenizer must be ByteLevel, or a Sequence of a Split and a ByteLevel; was " + pre);
        }
        JsonNode split = steps.get(0);
        JsonNode byteLevel = steps.get(1);
        expect(split, "type", "Split", "pre_tokenizer.pretokenizers[0].type");
        expect(split, "behavior", "Isolated", "pre_tokenizer.pretokenizers[0].behavior");
        if (split.has("invert") && flag(split.get("invert"))) {
            throw fault("pre_tokenizer.pretokenizers[0].invert=true is not supported");
        }
        JsonNode pattern = split.get("pattern");
        String regex = pattern != null && pattern.isObject() ? stringOrNull(pattern, "Regex") : null;
        String literal = pattern != null && pattern.isObject() ? stringOrNull(pattern, "String") : null;
        if (regex == null && literal == null) {
            throw fault("pre_tokenizer.pretokenizers[0].pattern must be {\"Regex\": ...} or {\"String\": ...}, was " + pattern);
        }
        expect(byteLevel, "type", "ByteLevel", "pre_tokenizer.pretokenizers[1].type");
        requirePrefixSpaceFalse(byteLevel, "pre_tokenizer.pretokenizers[1]");
        if (!byteLevel.has("use_regex") || flag(byteLevel.get("use_regex"))) {
            throw fault("pre_tokenizer.pretokenizers[1].use_regex must be false after a Split (not supported: two regexes)");
        }
        return regex != null ? regex : Pattern.quote(literal);
    }

    private void requirePrefixSpaceFalse(JsonNode byteLevel, String path) throws IOException {
        if (byteLevel.has("add_prefix_space") && flag(byteLevel.get("add_prefix_space"))) {
            throw fault(path + ".add_prefix_space=true is not supported (GPT-2 style byte-level BPE uses false)");
        }
    }

    private Tokenizer charLevel(JsonNode root, JsonNode model) throws IOException {
        requireNull(root, "normalizer");
        JsonNode pre = object(root, "pre_tokenizer");
        JsonNode pattern = pre.get("pattern");
        boolean ours = "Split".equals(stringOrNull(pre, "type")) && "Isolated".equals(stringOrNull(pre, "behavior"))
                && pattern != null && pattern.isObject()
                && TokenizerJson.CHAR_REGEX.equals(stringOrNull(pattern, "Regex"));
        if (!ours) {
            throw fault("WordLevel is only supported as the char-level tokenizer: pre_tokenizer must be Split on regex "
                    + TokenizerJson.CHAR_REGEX + " with behavior Isolated, was " + pre);
        }
        Map<String, Integer> added = addedTokens(root);
        List<String> tokens = tokensById(object(model, "vocab"), added);
        int chars = tokens.size() - added.size();
        int[] codePoints = new int[chars];
        for (int id = 0; id < chars; id++) {
            String token = tokens.get(id);
            if (token.isEmpty() || token.codePointCount(0, token.length()) != 1) {
                throw fault("model.vocab entry '" + token + "' (id " + id + ") is not a single character");
            }
            codePoints[id] = token.codePointAt(0);
        }
        return new CharTokenizer(codePoints, added);
    }

    /** Added tokens (content to id), in id order. */
    private Map<String, Integer> addedTokens(JsonNode root) throws IOException {
        Map<Integer, String> byId = new TreeMap<>();
        if (Json.present(root, "added_tokens")) {
            for (JsonNode token : array(root, "added_tokens")) {
                String content = text(token.path("content"));
                if (byId.put(id(token.path("id")), content) != null) {
                    throw fault("added_tokens has two tokens with id " + token.get("id"));
                }
            }
        }
        Map<String, Integer> added = new LinkedHashMap<>();
        byId.forEach((id, content) -> added.put(content, id));
        return added;
    }

    /** Tokens by id from model.vocab plus the added tokens (which may lie beyond it); ids must be 0..n-1. */
    private List<String> tokensById(JsonNode vocab, Map<String, Integer> added) throws IOException {
        Map<Integer, String> byId = new TreeMap<>();
        for (Map.Entry<String, JsonNode> entry : vocab.properties()) {
            String previous = byId.put(id(entry.getValue()), entry.getKey());
            if (previous != null) {
                throw fault("model.vocab gives id " + entry.getValue() + " to both '" + previous + "' and '" + entry.getKey() + "'");
            }
        }
        for (Map.Entry<String, Integer> entry : added.entrySet()) {
            String previous = byId.putIfAbsent(entry.getValue(), entry.getKey());
            if (previous != null && !previous.equals(entry.getKey())) {
                throw fault("added token '" + entry.getKey() + "' has id " + entry.getValue() + ", which model.vocab gives to '" + previous + "'");
            }
        }
        List<String> tokens = new ArrayList<>(byId.values());
        int expected = 0;
        for (int id : byId.keySet()) {
            if (id != expected++) {
                throw fault("token ids are not dense: id " + (expected - 1) + " is missing");
            }
        }
        return tokens;
    }

    private void requireNull(JsonNode root, String field) throws IOException {
        if (Json.present(root, field)) {
            throw fault(field + " " + root.get(field) + " is not supported (only null)");
        }
    }

    private void expect(JsonNode object, String field, String value, String path) throws IOException {
        if (!value.equals(stringOrNull(object, field))) {
            throw fault(path + " must be '" + value + "', was " + object.get(field));
        }
    }

    private static String stringOrNull(JsonNode object, String field) {
        JsonNode element = object.get(field);
        return element != null && element.isValueNode() && !element.isNull() ? element.asString() : null;
    }

    /** A string (or a number or boolean, as text), else {@link IllegalStateException}. */
    private static String text(JsonNode element) {
        if (!element.isValueNode() || element.isNull()) {
            throw new IllegalStateException("expected a string, got " + element);
        }
        return element.asString();
    }

    /** A boolean (or the string "true"/"false"), else {@link IllegalStateException}. */
    private static boolean flag(JsonNode element) {
        if (element.isBoolean()) {
            return element.booleanValue();
        }
        if (element.isString()) {
            return Boolean.parseBoolean(element.stringValue());
        }
        throw new IllegalStateException("expected true or false, got " + element);
    }

    /** A token id: a whole number within int range, else {@link IllegalStateException}. */
    private static int id(JsonNode element) {
        if (element.isIntegralNumber() && element.canConvertToInt()) {
            return element.intValue();
        }
        throw new IllegalStateException("expected a token id, got " + element);
    }

    private JsonNode object(JsonNode parent, String field) throws IOException {
        JsonNode element = parent.get(field);
        if (element == null || !element.isObject()) {
            throw fault("'" + field + "' is missing or not an object");
        }
        return element;
    }

    private JsonNode array(JsonNode parent, String field) throws IOException {
        JsonNode element = parent.get(field);
        if (element == null || !element.isArray()) {
            throw fault("'" + field + "' is missing or not an array");
        }
        return element;
    }

    private IOException fault(String what) {
        return new IOException(file + ": " + what);
    }
}
