package dev.pairwise.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pairwise.policy.hf.TinyHfFolders;
import dev.pairwise.policy.io.Json;
import dev.pairwise.policy.tokenizer.CharTokenizer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** {@code hf-import} end to end: a Hugging Face folder in, a checkpoint that {@code sample} runs out. */
class HfImportCommandTest {

    @TempDir
    Path tmp;

    @Test
    void imports_a_llama_folder_into_a_checkpoint_that_samples() throws IOException {
        CharTokenizer tokenizer = CharTokenizer.train(List.of("to be or not to be, that is the question"));
        Path hf = TinyHfFolders.llama(tmp.resolve("hf"), tokenizer.vocabSize());
        tokenizer.save(hf);
        Path ckpt = tmp.resolve("ckpt");

        Cli run = Cli.run("hf-import", "--in", hf.toString(), "--out", ckpt.toString());

        assertThat(run.code()).as("%s", run).isZero();
        JsonNode json = Json.parse(run.lastOutLine());
        assertThat(json.get("kv_heads").asInt()).isEqualTo(2);
        assertThat(json.get("heads").asInt()).isEqualTo(4);
        assertThat(json.get("context_length").asInt()).isEqualTo(64);
        assertThat(json.get("vocab_size").asInt()).isEqualTo(tokenizer.vocabSize());
        assertThat(json.get("copied").toString()).contains("tokenizer.json");
        assertThat(json.has("tokenizer_problem")).as("%s", run).isFalse();
        assertThat(ckpt.resolve("model.safetensors")).isRegularFile();

        Path prompts = Files.writeString(tmp.resolve("p.jsonl"), "{\"prompt\": \"to be\"}\n");
        Path samples = tmp.resolve("samples.jsonl");
        Cli sample = Cli.run("sample", "--checkpoint", ckpt.toString(), "--prompts", prompts.toString(), "--k", "2",
                "--max-new", "5", "--seed", "3", "--out", samples.toString());
        assertThat(sample.code()).as("%s", sample).isZero();
        assertThat(Files.readAllLines(samples)).hasSize(2);
    }

    /** The imported grouped-query model fine-tunes as a base: SFT with LoRA on q/k/v and the MLP, then DPO. */
    @Test
    void an_imported_checkpoint_fine_tunes_with_lora_then_dpo() throws IOException {
        CharTokenizer tokenizer = CharTokenizer.train(List.of("to be or not to be, that is the question? yes no"));
        Path hf = TinyHfFolders.llama(tmp.resolve("hf"), tokenizer.vocabSize());
        tokenizer.save(hf);
        Path ckpt = tmp.resolve("ckpt");
        assertThat(Cli.run("hf-import", "--in", hf.toString(), "--out", ckpt.toString()).code()).isZero();
        StringBuilder demos = new StringBuilder();
        StringBuilder pairs = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            demos.append("{\"prompt\":\"to be? \",\"completion\":\"yes\"}\n");
            pairs.append("{\"prompt\":\"to be? \",\"chosen\":\"yes\",\"rejected\":\"no\"}\n");
        }
        Path demoFile = Files.writeString(tmp.resolve("sft.jsonl"), demos);
        Path pairFile = Files.writeString(tmp.resolve("pairs.jsonl"), pairs);

        Cli sft = Cli.run("sft", "--base", ckpt.toString(), "--data", demoFile.toString(), "--out",
                tmp.resolve("sft").toString(), "--epochs", "1", "--batch", "4", "--lora-rank", "2", "--lora-targets",
                "attn.c_attn,attn.c_proj,mlp.c_fc,mlp.c_proj", "--device", "cpu");
        assertThat(sft.code()).as("%s", sft).isZero();
        Cli dpo = Cli.run("dpo", "--policy", tmp.resolve("sft").toString(), "--data", pairFile.toString(), "--out",
                tmp.resolve("dpo").toString(), "--epochs", "1", "--batch", "4", "--device", "cpu");
        assertThat(dpo.code()).as("%s", dpo).isZero();
        assertThat(tmp.resolve("dpo").resolve("model.safetensors")).isRegularFile();
    }

    @Test
    void refusals_are_one_line_naming_the_problem() throws IOException {
        Path empty = Files.createDirectories(tmp.resolve("empty"));
        Cli missing = Cli.run("hf-import", "--in", empty.toString(), "--out", tmp.resolve("a").toString());
        assertThat(missing.code()).isEqualTo(1);
        assertThat(missing.errLines()).hasSize(1);
        assertThat(missing.err()).contains("config.json");

        Path neox = TinyHfFolders.llama(tmp.resolve("neox"), 32);
        Files.writeString(neox.resolve("config.json"), Files.readString(neox.resolve("config.json"))
                .replace("\"llama\"", "\"gpt_neox\""));
        Cli unknown = Cli.run("hf-import", "--in", neox.toString(), "--out", tmp.resolve("b").toString());
        assertThat(unknown.code()).isEqualTo(1);
        assertThat(unknown.err()).contains("model_type 'gpt_neox' is not supported");
        assertThat(tmp.resolve("b")).doesNotExist();

        Cli bad = Cli.run("hf-import", "--in", neox.toString(), "--out", tmp.resolve("c").toString(),
                "--max-context", "0");
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).contains("--max-context");
    }
}
