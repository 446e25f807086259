package dev.pairwise.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ai.djl.Device;
import dev.pairwise.policy.checkpoint.Checkpoints;
import dev.pairwise.policy.data.pairs.PairReader;
import dev.pairwise.policy.io.Json;
import dev.pairwise.policy.model.GptConfig;
import dev.pairwise.policy.model.GptModel;
import dev.pairwise.policy.tokenizer.CharTokenizer;
import dev.pairwise.policy.tokenizer.Tokenizer;
import dev.pairwise.policy.tokenizer.Tokenizers;
import dev.pairwise.policy.train.OneThread;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Characters outside a char-level vocabulary, through the real commands: {@code eval-rm} (and the
 * training commands before it) score every pair, encode such characters as the unknown-character
 * id, and say how many there were, instead of stopping at the first one. A checkpoint saved before
 * the unknown-character id existed still loads and does the same with {@code <|pad|>}.
 */
class UnknownCharactersTest {

    /** The characters the test vocabularies know: printable ASCII and newline, no accents, no emoji. */
    private static final String ASCII;

    static {
        StringBuilder b = new StringBuilder("\n");
        for (char c = 0x20; c < 0x7f; c++) {
            b.append(c);
        }
        ASCII = b.toString();
    }

    private static final Path HH = Path.of("..", "shared", "data", "hh-rlhf", "helpful-base", "test.jsonl.gz");

    @TempDir
    Path dir;

    private OneThread oneThread;

    @BeforeEach
    void oneThread() {
        oneThread = OneThread.enter();
    }

    @AfterEach
    void release() {
        oneThread.close();
    }

    @Test
    void eval_rm_scores_every_pair_and_counts_the_unknown_characters() throws IOException {
        Path rm = rewardModel(policy(CharTokenizer.train(List.of(ASCII))));
        Path pairs = Files.writeString(dir.resolve("pairs.jsonl"), """
                {"prompt": "Say hi", "chosen": "hi", "rejected": "no"}
                {"prompt": "Café?", "chosen": "Oui, un café ☕", "rejected": "no"}
                {"prompt": "Smile", "chosen": "😀", "rejected": "frown"}
                {"prompt": "Quote", "chosen": "“yes”", "rejected": "no"}
                """);

        Cli eval = Cli.run("eval-rm", "--model", rm.toString(), "--data", pairs.toString(), "--device", "cpu");

        assertThat(eval.code()).as("%s", eval).isZero();
        JsonNode result = Json.parse(eval.lastOutLine());
        assertThat(result.get("pairs").asDouble()).isEqualTo(4);
        assertThat(result.get("pairs_with_unknown_characters").asInt()).isEqualTo(3);
        assertThat(result.get("unknown_characters").asInt()).as("é twice, ☕, 😀, “ and ”").isEqualTo(6);
        assertThat(eval.err()).contains("eval-rm: 3 of 4 pairs have characters outside the tokenizer's vocabulary",
                "'é' (U+00E9 LATIN SMALL LETTER E WITH ACUTE) x2");
    }

    @Test
    void a_checkpoint_saved_before_the_unknown_id_still_loads_and_reads_them_as_pad() throws IOException {
        Tokenizer old = oldTokenizer();
        assertThat(old.vocabSize()).as("characters and the four chat tokens, no <|unk|>").isEqualTo(ASCII.length() + 4);
        assertThat(old.encode("é")).containsExactly(old.specialId("<|pad|>"));
        Path base = policy(old);
        Files.writeString(base.resolve("tokenizer.json"), oldTokenizerJson());
        Path rm = rewardModel(base);
        Path pairs = Files.writeString(dir.resolve("pairs.jsonl"), """
                {"prompt": "Café?", "chosen": "Oui", "rejected": "Non ☕"}
                {"prompt": "Say hi", "chosen": "hi", "rejected": "no"}
                """);

        Cli eval = Cli.run("eval-rm", "--model", rm.toString(), "--data", pairs.toString(), "--device", "cpu");

        assertThat(eval.code()).as("%s", eval).isZero();
        JsonNode result = Json.parse(eval.lastOutLine());
        assertThat(result.get("pairs").asDouble()).isEqualTo(2);
        assertThat(result.get("pairs_with_unknown_characters").asInt()).isEqualTo(1);
    }

    @Test
    void eval_rm_reads_the_whole_real_hh_rlhf_file() throws IOException {
        assumeTrue(Files.isRegularFile(HH), "HH-RLHF not found at " + HH.toAbsolutePath()
                + " (the shared data folder), skipped");
        int pairsInFile = PairReader.read(HH).records().size();
        Path rm = rewardModel(policy(CharTokenizer.train(List.of(ASCII))));

        Cli eval = Cli.run("eval-rm", "--model", rm.toString(), "--data", HH.toString(), "--device", "cpu");

        assertThat(eval.code()).as("%s", eval).isZero();
        JsonNode result = Json.parse(eval.lastOutLine());
        assertThat(result.get("pairs").asDouble()).as("every pair scored").isEqualTo(pairsInFile);
        assertThat(result.get("pairs_with_unknown_characters").asInt())
                .as("HH-RLHF has characters beyond ASCII").isPositive().isLessThan(pairsInFile);
        assertThat(eval.err()).contains("pairs have characters outside the tokenizer's vocabulary");
    }

    /** A tiny random policy checkpoint with this tokenizer. */
    private Path policy(Tokenizer tokenizer) throws IOException {
        Path base = dir.resolve("base");
        try (GptModel m = GptModel.create(GptConfig.of(tokenizer.vocabSize(), 48, 1, 2, 16), 1, Device.cpu())) {
            Checkpoints.saveModel(base, m, tokenizer);
        }
        return base;
    }

    /** A reward model trained for one short epoch from {@code base}, through {@code train-rm}. */
    private Path rewardModel(Path base) throws IOException {
        Path pairs = Files.writeString(dir.resolve("train.jsonl"), """
                {"prompt": "Say hi", "chosen": "hi there", "rejected": "go away"}
                {"prompt": "Add 2 and 2", "chosen": "4", "rejected": "5"}
                {"prompt": "Capital of France?", "chosen": "Paris", "rejected": "Rome"}
                {"prompt": "Thank you", "chosen": "You are welcome", "rejected": "whatever"}
                """);
        Path rm = dir.resolve("rm");
        Cli train = Cli.run("train-rm", "--backbone", "gpt", "--init", base.toString(), "--data", pairs.toString(), "--out", rm.toString(),
                "--batch", "2", "--device", "cpu");
        assertThat(train.code()).as("%s", train).isZero();
        return rm;
    }

    /** tokenizer.json as it was written before the unknown-character id: no <|unk|> among its tokens. */
    private String oldTokenizerJson() throws IOException {
        Path fresh = dir.resolve("fresh");
        CharTokenizer.train(List.of(ASCII)).save(fresh);
        JsonNode json = Json.parse(Files.readString(fresh.resolve("tokenizer.json")));
        ((ObjectNode) json.get("model").get("vocab")).remove("<|unk|>");
        ArrayNode added = (ArrayNode) json.get("added_tokens");
        added.remove(added.size() - 1);
        assertThat(json.get("model").get("unk_token").asString()).isEqualTo("<|unk|>");
        return json.toString();
    }

    private Tokenizer oldTokenizer() throws IOException {
        Path old = dir.resolve("old");
        Files.createDirectories(old);
        Files.writeString(old.resolve("tokenizer.json"), oldTokenizerJson());
        return Tokenizers.load(old);
    }
}
