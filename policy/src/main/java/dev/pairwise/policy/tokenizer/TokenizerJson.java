package dev.pairwise.policy.tokenizer;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.Map;

/**
 * Writes the Hugging Face {@code tokenizer.json} of our tokenizers (format of the Rust
 * {@code tokenizers} crate, version "1.0"). Reading is {@link TokenizerJsonReader}.
 *
 * <ul>
 *   <li>BPE: {@code model} {@code BPE} with {@code vocab} and {@code merges} ("left right"), a
 *       {@code ByteLevel} pre-tokenizer ({@code add_prefix_space=false}, GPT-2 regex) and decoder,
 *       and the special tokens as {@code added_tokens} with {@code special=true}.</li>
 *   <li>Char: {@code model} {@code WordLevel} over single characters, a {@code Split}
 *       pre-tokenizer with regex {@value #CHAR_REGEX} and behaviour {@code Isolated} (one piece
 *       per character), a {@code Fuse} decoder (joins tokens without spaces), same added tokens
 *       plus {@code <|unk|>}, which is the {@code unk_token}: both libraries encode a character
 *       outside the vocabulary as it. (Files written before it existed name {@code <|unk|>} as
 *       {@code unk_token} without having it; ours read them with {@code <|pad|>} standing in,
 *       and write {@code <|pad|>} as their {@code unk_token}, so the library agrees.)</li>
 * </ul>
 */
final class TokenizerJson {

    static final String FILE_NAME = "tokenizer.json";
    static final String CHAR_REGEX = "[\\s\\S]";

    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().serializeNulls().create();

    private TokenizerJson() {
    }

    static JsonObject bpe(BpeTokenizer tokenizer) {
        JsonObject model = new JsonObject();
        model.addProperty("type", "BPE");
        model.add("dropout", JsonNull.INSTANCE);
        model.add("unk_token", JsonNull.INSTANCE);
        model.add("continuing_subword_prefix", JsonNull.INSTANCE);
        model.add("end_of_word_suffix", JsonNull.INSTANCE);
        model.addProperty("fuse_unk", false);
        model.addProperty("byte_fallback", false);
        model.addProperty("ignore_merges", false);
        model.add("vocab", vocab(tokenizer.tokens()));
        JsonArray merges = new JsonArray();
        tokenizer.merges().forEach(merges::add);
        model.add("merges", merges);
        JsonObject root = document(tokenizer.added(), byteLevel(false), byteLevel(true), model);
        if (tokenizer.nfc()) {
            JsonObject nfc = new JsonObject();
            nfc.addProperty("type", "NFC");
            root.add("normalizer", nfc);
        }
        if (tokenizer.splitRegex() != null) {
            root.add("pre_tokenizer", splitThenBytes(tokenizer.splitRegex()));
        }
        return root;
    }

    /** The Llama 3 / Qwen2 layout: a Split on the model's own regex, then ByteLevel without GPT-2's regex. */
    private static JsonObject splitThenBytes(String regex) {
        JsonObject split = new JsonObject();
        split.addProperty("type", "Split");
        JsonObject pattern = new JsonObject();
        pattern.addProperty("Regex", regex);
        split.add("pattern", pattern);
        split.addProperty("behavior", "Isolated");
        split.addProperty("invert", false);
        JsonObject byteLevel = new JsonObject();
        byteLevel.addProperty("type", "ByteLevel");
        byteLevel.addProperty("add_prefix_space", false);
        byteLevel.addProperty("trim_offsets", false);
        byteLevel.addProperty("use_regex", false);
        JsonArray steps = new JsonArray();
        steps.add(split);
        steps.add(byteLevel);
        JsonObject sequence = new JsonObject();
        sequence.addProperty("type", "Sequence");
        sequence.add("pretokenizers", steps);
        return sequence;
    }

    static JsonObject charLevel(CharTokenizer tokenizer) {
        List<String> tokens = new ArrayList<>(tokenizer.characters());
        tokens.addAll(tokenizer.specials().keySet());
        JsonObject model = new JsonObject();
        model.addProperty("type", "WordLevel");
        model.add("vocab", vocab(tokens));
        model.addProperty("unk_token", tokenizer.unknownId() >= 0 ? tokens.get(tokenizer.unknownId()) : SpecialTokens.UNK);
        JsonObject split = new JsonObject();
        split.addProperty("type", "Split");
        JsonObject pattern = new JsonObject();
        pattern.addProperty("Regex", CHAR_REGEX);
        split.add("pattern", pattern);
        split.addProperty("behavior", "Isolated");
        split.addProperty("invert", false);
        JsonObject fuse = new JsonObject();
        fuse.addProperty("type", "Fuse");
        return document(tokenizer.specials(), split, fuse, model);
    }

    /** Writes {@code json} to {@code directory/tokenizer.json} atomically (temp file, then move). */
    static void write(Path directory, JsonObject json) throws IOException {
        Files.createDirectories(directory);
        Path target = directory.resolve(FILE_NAME);
        // Not Files.createTempFile: that makes an owner-only (0600) file; this one gets the umask's mode.
        Path temp = directory.resolve("." + FILE_NAME + "." + UUID.randomUUID() + ".tmp");
        try {
            try (Writer out = Files.newBufferedWriter(temp, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE)) {
                GSON.toJson(json, out);
                out.write('\n');
            }
            try {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private static JsonObject document(Map<String, Integer> added, JsonObject preTokenizer, JsonObject decoder,
            JsonObject model) {
        JsonObject root = new JsonObject();
        root.addProperty("version", "1.0");
        root.add("truncation", JsonNull.INSTANCE);
        root.add("padding", JsonNull.INSTANCE);
        JsonArray addedTokens = new JsonArray();
        added.forEach((content, id) -> {
            JsonObject token = new JsonObject();
            token.addProperty("id", id);
            token.addProperty("content", content);
            token.addProperty("single_word", false);
            token.addProperty("lstrip", false);
            token.addProperty("rstrip", false);
            token.addProperty("normalized", false);
            token.addProperty("special", true);
            addedTokens.add(token);
        });
        root.add("added_tokens", addedTokens);
        root.add("normalizer", JsonNull.INSTANCE);
        root.add("pre_tokenizer", preTokenizer);
        root.add("post_processor", JsonNull.INSTANCE);
        root.add("decoder", decoder);
        root.add("model", model);
        return root;
    }

    private static JsonObject byteLevel(boolean decoder) {
        JsonObject byteLevel = new JsonObject();
        byteLevel.addProperty("type", "ByteLevel");
        // The decoder ignores add_prefix_space; true is what GPT-2's own file says there.
        byteLevel.addProperty("add_prefix_space", decoder);
        byteLevel.addProperty("trim_offsets", true);
        byteLevel.addProperty("use_regex", true);
        return byteLevel;
    }

    private static JsonElement vocab(List<String> tokens) {
        JsonObject vocab = new JsonObject();
        for (int id = 0; id < tokens.size(); id++) {
            vocab.addProperty(tokens.get(id), id);
        }
        return vocab;
    }
}
