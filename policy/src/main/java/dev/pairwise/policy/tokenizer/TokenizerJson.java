package dev.pairwise.policy.tokenizer;


import dev.pairwise.policy.io.Json;
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
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

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

    private TokenizerJson() {
    }

    static ObjectNode bpe(BpeTokenizer tokenizer) {
        ObjectNode model = Json.object();
        model.put("type", "BPE");
        model.putNull("dropout");
        model.putNull("unk_token");
        model.putNull("continuing_subword_prefix");
        model.putNull("end_of_word_suffix");
        model.put("fuse_unk", false);
        model.put("byte_fallback", false);
        model.put("ignore_merges", false);
        model.set("vocab", vocab(tokenizer.tokens()));
        ArrayNode merges = Json.array();
        tokenizer.merges().forEach(merges::add);
        model.set("merges", merges);
        ObjectNode root = document(tokenizer.added(), byteLevel(false), byteLevel(true), model);
        if (tokenizer.nfc()) {
            ObjectNode nfc = Json.object();
            nfc.put("type", "NFC");
            root.set("normalizer", nfc);
        }
        if (tokenizer.splitRegex() != null) {
            root.set("pre_tokenizer", splitThenBytes(tokenizer.splitRegex()));
        }
        return root;
    }

    /** The Llama 3 / Qwen2 layout: a Split on the model's own regex, then ByteLevel without GPT-2's regex. */
    private static ObjectNode splitThenBytes(String regex) {
        ObjectNode split = split(regex);
        ObjectNode byteLevel = Json.object();
        byteLevel.put("type", "ByteLevel");
        byteLevel.put("add_prefix_space", false);
        byteLevel.put("trim_offsets", false);
        byteLevel.put("use_regex", false);
        ArrayNode steps = Json.array();
        steps.add(split);
        steps.add(byteLevel);
        ObjectNode sequence = Json.object();
        sequence.put("type", "Sequence");
        sequence.set("pretokenizers", steps);
        return sequence;
    }

    static ObjectNode charLevel(CharTokenizer tokenizer) {
        List<String> tokens = new ArrayList<>(tokenizer.characters());
        tokens.addAll(tokenizer.specials().keySet());
        ObjectNode model = Json.object();
        model.put("type", "WordLevel");
        model.set("vocab", vocab(tokens));
        model.put("unk_token", tokenizer.unknownId() >= 0 ? tokens.get(tokenizer.unknownId()) : SpecialTokens.UNK);
        ObjectNode fuse = Json.object();
        fuse.put("type", "Fuse");
        return document(tokenizer.specials(), split(CHAR_REGEX), fuse, model);
    }

    /** A pre-tokenizer that cuts at every match of {@code regex}, each match a piece of its own. */
    private static ObjectNode split(String regex) {
        ObjectNode split = Json.object();
        split.put("type", "Split");
        split.putObject("pattern").put("Regex", regex);
        split.put("behavior", "Isolated");
        split.put("invert", false);
        return split;
    }

    /** Writes {@code json} to {@code directory/tokenizer.json} atomically (temp file, then move). */
    static void write(Path directory, ObjectNode json) throws IOException {
        Files.createDirectories(directory);
        Path target = directory.resolve(FILE_NAME);
        // Not Files.createTempFile: that makes an owner-only (0600) file; this one gets the umask's mode.
        Path temp = directory.resolve("." + FILE_NAME + "." + UUID.randomUUID() + ".tmp");
        try {
            try (Writer out = Files.newBufferedWriter(temp, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE)) {
                out.write(Json.prettyWithNulls(json));
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

    private static ObjectNode document(Map<String, Integer> added, ObjectNode preTokenizer, ObjectNode decoder,
            ObjectNode model) {
        ObjectNode root = Json.object();
        root.put("version", "1.0");
        root.putNull("truncation");
        root.putNull("padding");
        ArrayNode addedTokens = Json.array();
        added.forEach((content, id) -> {
            ObjectNode token = Json.object();
            token.put("id", id);
            token.put("content", content);
            token.put("single_word", false);
            token.put("lstrip", false);
            token.put("rstrip", false);
            token.put("normalized", false);
            token.put("special", true);
            addedTokens.add(token);
        });
        root.set("added_tokens", addedTokens);
        root.putNull("normalizer");
        root.set("pre_tokenizer", preTokenizer);
        root.putNull("post_processor");
        root.set("decoder", decoder);
        root.set("model", model);
        return root;
    }

    private static ObjectNode byteLevel(boolean decoder) {
        ObjectNode byteLevel = Json.object();
        byteLevel.put("type", "ByteLevel");
        // The decoder ignores add_prefix_space; true is what GPT-2's own file says there.
        byteLevel.put("add_prefix_space", decoder);
        byteLevel.put("trim_offsets", true);
        byteLevel.put("use_regex", true);
        return byteLevel;
    }

    private static ObjectNode vocab(List<String> tokens) {
        ObjectNode vocab = Json.object();
        for (int id = 0; id < tokens.size(); id++) {
            vocab.put(tokens.get(id), id);
        }
        return vocab;
    }
}
