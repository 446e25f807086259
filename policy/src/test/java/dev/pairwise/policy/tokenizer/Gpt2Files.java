package dev.pairwise.policy.tokenizer;

import dev.pairwise.policy.io.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * OpenAI's original GPT-2 vocabulary files ({@code encoder.json}: token to id; {@code vocab.bpe}: a
 * {@code #version} line, then one merge {@code "left right"} per line in rank order) turned into
 * the Hugging Face {@code tokenizer.json} layout of the {@code gpt2} model: BPE, ByteLevel
 * pre-tokenizer and decoder with GPT-2's regex and no prefix space, {@code <|endoftext|>} as the
 * one added token.
 */
final class Gpt2Files {

    static final String END_OF_TEXT = "<|endoftext|>";

    private Gpt2Files() {
    }

    static void toTokenizerJson(Path encoderJson, Path vocabBpe, Path out) throws IOException {
        JsonNode vocab = Json.parse(Files.readString(encoderJson, StandardCharsets.UTF_8));
        List<String> lines = Files.readAllLines(vocabBpe, StandardCharsets.UTF_8);
        ArrayNode merges = Json.array();
        for (String line : lines) {
            if (!line.isBlank() && !line.startsWith("#version")) {
                merges.add(line);
            }
        }
        ObjectNode model = Json.object();
        model.put("type", "BPE");
        model.putNull("dropout");
        model.putNull("unk_token");
        model.put("continuing_subword_prefix", "");
        model.put("end_of_word_suffix", "");
        model.put("fuse_unk", false);
        model.set("vocab", vocab);
        model.set("merges", merges);
        ObjectNode endOfText = Json.object();
        endOfText.put("id", vocab.get(END_OF_TEXT).asInt());
        endOfText.put("content", END_OF_TEXT);
        endOfText.put("special", true);
        ArrayNode added = Json.array();
        added.add(endOfText);
        ObjectNode root = Json.object();
        root.put("version", "1.0");
        root.set("added_tokens", added);
        root.putNull("normalizer");
        root.set("pre_tokenizer", byteLevel());
        root.set("post_processor", byteLevel());
        root.set("decoder", byteLevel());
        root.set("model", model);
        Files.writeString(out, Json.compact(root), StandardCharsets.UTF_8);
    }

    private static ObjectNode byteLevel() {
        ObjectNode byteLevel = Json.object();
        byteLevel.put("type", "ByteLevel");
        byteLevel.put("add_prefix_space", false);
        byteLevel.put("trim_offsets", true);
        byteLevel.put("use_regex", true);
        return byteLevel;
    }
}
