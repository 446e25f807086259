package dev.pairwise.policy.tokenizer;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

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
        JsonObject vocab = JsonParser.parseString(Files.readString(encoderJson, StandardCharsets.UTF_8)).getAsJsonObject();
        List<String> lines = Files.readAllLines(vocabBpe, StandardCharsets.UTF_8);
        JsonArray merges = new JsonArray();
        for (String line : lines) {
            if (!line.isBlank() && !line.startsWith("#version")) {
                merges.add(line);
            }
        }
        JsonObject model = new JsonObject();
        model.addProperty("type", "BPE");
        model.add("dropout", JsonNull.INSTANCE);
        model.add("unk_token", JsonNull.INSTANCE);
        model.addProperty("continuing_subword_prefix", "");
        model.addProperty("end_of_word_suffix", "");
        model.addProperty("fuse_unk", false);
        model.add("vocab", vocab);
        model.add("merges", merges);
        JsonObject endOfText = new JsonObject();
        endOfText.addProperty("id", vocab.get(END_OF_TEXT).getAsInt());
        endOfText.addProperty("content", END_OF_TEXT);
        endOfText.addProperty("special", true);
        JsonArray added = new JsonArray();
        added.add(endOfText);
        JsonObject root = new JsonObject();
        root.addProperty("version", "1.0");
        root.add("added_tokens", added);
        root.add("normalizer", JsonNull.INSTANCE);
        root.add("pre_tokenizer", byteLevel());
        root.add("post_processor", byteLevel());
        root.add("decoder", byteLevel());
        root.add("model", model);
        Files.writeString(out, new GsonBuilder().disableHtmlEscaping().create().toJson(root), StandardCharsets.UTF_8);
    }

    private static JsonObject byteLevel() {
        JsonObject byteLevel = new JsonObject();
        byteLevel.addProperty("type", "ByteLevel");
        byteLevel.addProperty("add_prefix_space", false);
        byteLevel.addProperty("trim_offsets", true);
        byteLevel.addProperty("use_regex", true);
        return byteLevel;
    }
}
