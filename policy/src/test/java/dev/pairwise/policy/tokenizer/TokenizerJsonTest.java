package dev.pairwise.policy.tokenizer;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import dev.pairwise.policy.io.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TokenizerJsonTest {

    @TempDir
    Path dir;

    private static HuggingFaceTokenizer huggingFace(Path directory) throws IOException {
        return HuggingFaceTokenizer.builder().optTokenizerPath(directory)
                .optAddSpecialTokens(false).optTruncation(false).optPadding(false).build();
    }

    private static int[] ids(Encoding encoding) {
        return Arrays.stream(encoding.getIds()).mapToInt(Math::toIntExact).toArray();
    }

    /** Hard texts plus random ones, minus those Hugging Face would read specials in. */
    private static List<String> samples() {
        List<String> texts = new ArrayList<>(Texts.HARD.stream().filter(t -> !t.contains("<|")).toList());
        Random random = new Random(3);
        for (int i = 0; i < 200; i++) {
            texts.add(Texts.random(random, 1 + random.nextInt(80)));
        }
        return texts;
    }

    @Test
    void hugging_face_encodes_our_saved_bpe_to_the_same_ids() throws IOException {
        BpeTokenizer ours = BpeTrainer.train(BpeTokenizerTest.CORPUS, 400);
        ours.save(dir);
        try (HuggingFaceTokenizer hf = huggingFace(dir)) {
            for (String text : samples()) {
                assertThat(ids(hf.encode(text))).as(text).isEqualTo(ours.encode(text));
                long[] ids = Arrays.stream(ours.encode(text)).asLongStream().toArray();
                assertThat(hf.decode(ids, false)).as(text).isEqualTo(text);
            }
        }
    }

    /** Qwen2/2.5/3's pre-tokenizer regex, as in their tokenizer.json: digits one by one, CR/LF runs apart. */
    static final String QWEN_REGEX = "(?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\\r\\n\\p{L}\\p{N}]?\\p{L}+|\\p{N}"
            + "| ?[^\\s\\p{L}\\p{N}]+[\\r\\n]*|\\s*[\\r\\n]+|\\s+(?!\\S)|\\s+";

    @Test
    void qwen_layout_with_nfc_and_a_split_regex_encodes_as_hugging_face_and_saves_back() throws IOException {
        List<String> corpus = new ArrayList<>(BpeTokenizerTest.CORPUS);
        corpus.add(" 2026 1234567 caf\u00e9 don't");
        BpeTrainer.train(corpus, 400).save(dir);
        ObjectNode json = (ObjectNode) Json.parse(Files.readString(dir.resolve("tokenizer.json")));
        json.set("normalizer", Json.parse("{\"type\": \"NFC\"}"));
        ObjectNode pattern = Json.object();
        pattern.put("Regex", QWEN_REGEX);
        ObjectNode split = (ObjectNode) Json.parse("{\"type\": \"Split\", \"behavior\": \"Isolated\", \"invert\": false}");
        split.set("pattern", pattern);
        ObjectNode sequence = (ObjectNode) Json.parse("{\"type\": \"Sequence\", \"pretokenizers\": [{}, {\"type\": \"ByteLevel\", "
                + "\"add_prefix_space\": false, \"trim_offsets\": false, \"use_regex\": false}]}");
        ((ArrayNode) sequence.get("pretokenizers")).set(0, split);
        json.set("pre_tokenizer", sequence);
        Files.writeString(dir.resolve("tokenizer.json"), json.toString());

        Tokenizer ours = Tokenizers.load(dir);
        List<String> texts = new ArrayList<>(samples());
        texts.add("e\u0301te\u0301 1234567 don'T\r\n\r\n  x");
        try (HuggingFaceTokenizer hf = huggingFace(dir)) {
            for (String text : texts) {
                assertThat(ours.encode(text)).as(text).isEqualTo(ids(hf.encode(text)));
            }
        }
        // NFC first: the decomposed e + U+0301 encodes as the composed \u00e9; digits one token each.
        assertThat(ours.encode("cafe\u0301")).isEqualTo(ours.encode("caf\u00e9"));
        assertThat(ours.decode(ours.encode("cafe\u0301"))).isEqualTo("caf\u00e9");
        assertThat(ours.encode("1234567")).hasSize(7);

        Path again = dir.resolve("again");
        ours.save(again);
        JsonNode saved = Json.parse(Files.readString(again.resolve("tokenizer.json")));
        assertThat(saved.get("normalizer")).isEqualTo(json.get("normalizer"));
        assertThat(saved.get("pre_tokenizer").get("pretokenizers").get(0).get("pattern").get("Regex").asString())
                .isEqualTo(QWEN_REGEX);
        Tokenizer reloaded = Tokenizers.load(again);
        for (String text : texts) {
            assertThat(reloaded.encode(text)).as(text).isEqualTo(ours.encode(text));
        }
    }

    @Test
    void a_split_without_byte_level_or_another_normalizer_is_refused_naming_the_field() throws IOException {
        BpeTrainer.train(BpeTokenizerTest.CORPUS, 300).save(dir);
        String json = Files.readString(dir.resolve("tokenizer.json"));
        ObjectNode nfkc = (ObjectNode) Json.parse(json);
        nfkc.set("normalizer", Json.parse("{\"type\": \"NFKC\"}"));
        Files.writeString(dir.resolve("tokenizer.json"), nfkc.toString());
        assertThatThrownBy(() -> Tokenizers.load(dir)).hasMessageContaining("normalizer").hasMessageContaining("NFKC");
        ObjectNode splitOnly = (ObjectNode) Json.parse(json);
        splitOnly.set("pre_tokenizer", Json.parse("{\"type\": \"Sequence\", \"pretokenizers\": [{\"type\": \"Split\", "
                + "\"pattern\": {\"Regex\": \"\\\\s+\"}, \"behavior\": \"Isolated\"}, {\"type\": \"ByteLevel\", \"use_regex\": true}]}"));
        Files.writeString(dir.resolve("tokenizer.json"), splitOnly.toString());
        assertThatThrownBy(() -> Tokenizers.load(dir)).hasMessageContaining("pre_tokenizer.pretokenizers[1].use_regex must be false");
    }

    @Test
    void hugging_face_agrees_on_tiny_shakespeare_with_a_4k_vocabulary() throws IOException {
        org.junit.jupiter.api.Assumptions.assumeTrue(Texts.shakespeareAvailable(),
                "Tiny Shakespeare not found at " + Texts.SHAKESPEARE.toAbsolutePath() + ", skipped");
        String text = Files.readString(Texts.SHAKESPEARE);
        BpeTokenizer ours = BpeTrainer.train(List.of(text), 4096);
        ours.save(dir);
        String slice = text.substring(0, 60_000);
        try (HuggingFaceTokenizer hf = huggingFace(dir)) {
            assertThat(ids(hf.encode(slice))).isEqualTo(ours.encode(slice));
        }
    }

    @Test
    void saved_file_gets_the_mode_of_an_ordinary_new_file() throws IOException {
        BpeTrainer.train(BpeTokenizerTest.CORPUS, 260).save(dir);
        Path probe = Files.createFile(dir.resolve("probe"));
        assertThat(Files.getPosixFilePermissions(dir.resolve("tokenizer.json"))).isEqualTo(Files.getPosixFilePermissions(probe));
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("tokenizer.json", "probe");
        }
    }

    @Test
    void hugging_face_splits_specials_as_encode_with_specials_does() throws IOException {
        BpeTokenizer ours = BpeTrainer.train(BpeTokenizerTest.CORPUS, 300);
        ours.save(dir);
        String chat = "<|user|>Was ist 日本語? 😀<|end|>\n<|assistant|> Es ist Japanisch.<|end|><|pad|><|pad|>";
        try (HuggingFaceTokenizer hf = huggingFace(dir)) {
            assertThat(ids(hf.encode(chat))).isEqualTo(ours.encodeWithSpecials(chat));
        }
    }

    @Test
    void foreign_byte_level_files_with_other_id_orders_and_array_merges_load_like_hugging_face() throws IOException {
        BpeTokenizer ours = BpeTrainer.train(BpeTokenizerTest.CORPUS, 330);
        ours.save(dir);
        JsonNode json = Json.parse(Files.readString(dir.resolve("tokenizer.json")));
        ObjectNode model = (ObjectNode) json.get("model");
        // Reverse the ids of the learned tokens (GPT-2's own file does not give byte b the id b either).
        int learned = ours.vocabSize() - SpecialTokens.ALL.size();
        ObjectNode vocab = Json.object();
        model.get("vocab").properties().forEach(e -> {
            int id = e.getValue().asInt();
            vocab.put(e.getKey(), id < learned ? learned - 1 - id : id);
        });
        model.set("vocab", vocab);
        ArrayNode merges = Json.array();
        model.get("merges").forEach(m -> {
            ArrayNode pair = merges.addArray();
            Arrays.stream(m.asString().split(" ")).forEach(pair::add);
        });
        model.set("merges", merges);
        Path foreign = Files.createDirectory(dir.resolve("foreign"));
        Files.writeString(foreign.resolve("tokenizer.json"), json.toString());

        Tokenizer loaded = Tokenizers.load(foreign);
        try (HuggingFaceTokenizer hf = huggingFace(foreign)) {
            for (String text : samples()) {
                int[] ids = loaded.encode(text);
                assertThat(ids).as(text).isEqualTo(ids(hf.encode(text)));
                assertThat(loaded.decode(ids)).isEqualTo(text);
                int[] remapped = Arrays.stream(ours.encode(text)).map(id -> learned - 1 - id).toArray();
                assertThat(ids).isEqualTo(remapped);
            }
        }
    }

    @Test
    void saved_bpe_loads_back_with_identical_behaviour() throws IOException {
        BpeTokenizer ours = BpeTrainer.train(BpeTokenizerTest.CORPUS, 350);
        ours.save(dir);

        Tokenizer loaded = Tokenizers.load(dir);

        assertThat(loaded).isInstanceOf(BpeTokenizer.class);
        assertThat(((BpeTokenizer) loaded).merges()).isEqualTo(ours.merges());
        assertThat(loaded.vocabSize()).isEqualTo(ours.vocabSize());
        for (String special : SpecialTokens.ALL) {
            assertThat(loaded.specialId(special)).isEqualTo(ours.specialId(special));
        }
        for (String text : samples()) {
            assertThat(loaded.encode(text)).isEqualTo(ours.encode(text));
        }
    }

    @Test
    void saved_file_is_the_hugging_face_byte_level_bpe_layout() throws IOException {
        BpeTrainer.train(BpeTokenizerTest.CORPUS, 260).save(dir);
        JsonNode json = Json.parse(Files.readString(dir.resolve("tokenizer.json")));

        assertThat(json.get("model").get("type").asString()).isEqualTo("BPE");
        assertThat(json.get("model").get("vocab").get("Ġ").asInt()).isEqualTo(32);
        assertThat(json.get("pre_tokenizer").get("type").asString()).isEqualTo("ByteLevel");
        assertThat(json.get("pre_tokenizer").get("add_prefix_space").asBoolean()).isFalse();
        assertThat(json.get("decoder").get("type").asString()).isEqualTo("ByteLevel");
        var added = json.get("added_tokens");
        assertThat(added).hasSize(4);
        assertThat(added.get(2).get("content").asString()).isEqualTo(SpecialTokens.END);
        assertThat(added.get(2).get("special").asBoolean()).isTrue();
    }

    @Test
    void char_tokenizer_round_trips_through_hugging_face_and_our_loader() throws IOException {
        String corpus = "First Citizen:\r\nBefore we proceed any further, hear me speak. ñ 日本 😀\t";
        CharTokenizer ours = CharTokenizer.train(List.of(corpus));
        ours.save(dir);
        String text = "Before 日本 😀 speak:\r\n\t any";

        Tokenizer loaded = Tokenizers.load(dir);
        assertThat(loaded).isInstanceOf(CharTokenizer.class);
        assertThat(loaded.encode(text)).isEqualTo(ours.encode(text));
        assertThat(loaded.encodeWithSpecials("<|user|>hear<|end|>")).isEqualTo(ours.encodeWithSpecials("<|user|>hear<|end|>"));
        try (HuggingFaceTokenizer hf = huggingFace(dir)) {
            assertThat(ids(hf.encode(text))).isEqualTo(ours.encode(text));
            assertThat(ids(hf.encode("<|user|>hear<|end|>"))).isEqualTo(ours.encodeWithSpecials("<|user|>hear<|end|>"));
            assertThat(hf.decode(Arrays.stream(ours.encode(text)).asLongStream().toArray(), false)).isEqualTo(text);
            String unknown = "Before € and 🙂";
            assertThat(ids(hf.encode(unknown))).as("the library maps unknown characters to <|unk|> too")
                    .isEqualTo(ours.encode(unknown)).contains(ours.specialId(SpecialTokens.UNK));
        }
    }

    @Test
    void unsupported_model_type_is_refused_naming_it() throws IOException {
        Files.writeString(dir.resolve("tokenizer.json"), "{\"model\":{\"type\":\"Unigram\",\"vocab\":[]}}");
        assertThatThrownBy(() -> Tokenizers.load(dir)).isInstanceOf(IOException.class)
                .hasMessageContaining("tokenizer.json").hasMessageContaining("model.type 'Unigram' is not supported");
    }

    @Test
    void missing_or_broken_files_are_refused_naming_the_problem() throws IOException {
        assertThatThrownBy(() -> Tokenizers.load(dir)).isInstanceOf(NoSuchFileException.class)
                .hasMessageContaining("tokenizer.json");
        Files.writeString(dir.resolve("tokenizer.json"), "{\"model\": ");
        assertThatThrownBy(() -> Tokenizers.load(dir)).isInstanceOf(IOException.class).hasMessageContaining("not valid UTF-8 JSON");
        BpeTrainer.train(BpeTokenizerTest.CORPUS, 260).save(dir);
        String json = Files.readString(dir.resolve("tokenizer.json"));
        Files.writeString(dir.resolve("tokenizer.json"), json.replace("\"add_prefix_space\": false", "\"add_prefix_space\": true"));
        assertThatThrownBy(() -> Tokenizers.load(dir)).hasMessageContaining("add_prefix_space=true is not supported");
        Files.writeString(dir.resolve("tokenizer.json"), json.replace("\"Ġ t\"", "\"Ġ zz\""));
        assertThatThrownBy(() -> Tokenizers.load(dir)).hasMessageContaining("missing from model.vocab");
    }
}
