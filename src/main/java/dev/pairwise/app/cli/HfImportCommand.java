package dev.pairwise.app.cli;

import dev.pairwise.policy.hf.HfImport;
import dev.pairwise.policy.io.Json;
import dev.pairwise.policy.model.GptConfig;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code hf-import}: a Hugging Face Llama-family or GPT-2 folder becomes one of our checkpoints. */
@Command(name = "hf-import", description = {
        "Imports a Hugging Face checkpoint (LlamaForCausalLM, MistralForCausalLM, Qwen2ForCausalLM: Llama 2/3, "
                + "Mistral, SmolLM, Qwen2/2.5; GPT2LMHeadModel) into one of our checkpoint folders.",
        "Reads config.json and model.safetensors or the shards of model.safetensors.index.json (F32, F16, BF16; "
                + "saved as F32); copies tokenizer.json and friends verbatim. Unknown architectures, unsupported "
                + "features (Llama attention biases, QK norms, yarn/dynamic rope scaling) and missing or mis-shaped "
                + "tensors are refused, naming them. Prints one JSON line."})
final class HfImportCommand extends StageCommand {

    @Option(names = "--in", required = true, paramLabel = "DIR", description = "Hugging Face model folder.")
    Path in;

    @Option(names = "--out", required = true, paramLabel = "CHECKPOINT_DIR",
            description = "Checkpoint folder to write (replaced if present).")
    Path out;

    @Option(names = "--max-context", paramLabel = "N", defaultValue = "" + HfImport.DEFAULT_MAX_CONTEXT,
            description = "Longest context kept (the config's max_position_embeddings if smaller); the causal "
                    + "mask costs N² floats.")
    int maxContext;

    @Override
    public Integer call() throws IOException {
        if (maxContext < 1) {
            throw usage("--max-context must be >= 1, got " + maxContext);
        }
        HfImport.Summary summary = HfImport.importTo(in, out, maxContext);
        GptConfig c = summary.config();
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("checkpoint", out.toString());
        result.put("parameters", summary.parameters());
        result.put("layers", c.layers());
        result.put("heads", c.heads());
        result.put("kv_heads", c.keyValueHeads());
        result.put("width", c.width());
        result.put("vocab_size", c.vocabSize());
        result.put("context_length", c.contextLength());
        result.put("tied_embeddings", c.tieEmbeddings());
        result.put("copied", summary.copiedFiles());
        if (summary.tokenizerProblem() != null) {
            result.put("tokenizer_problem", summary.tokenizerProblem());
            err().println("hf-import: note: the tokenizer is not usable here: " + summary.tokenizerProblem());
        }
        out().println(Json.compact(result));
        return 0;
    }
}
