package dev.pairwise.app.cli;

import dev.pairwise.policy.hf.HfExport;
import dev.pairwise.policy.io.Json;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code hf-export}: one of our checkpoints as a Hugging Face model folder. */
@Command(name = "hf-export", description = {
        "Writes a checkpoint as a Hugging Face model folder (config.json, model.safetensors in F32, tokenizer files): "
                + "the modern block as LlamaForCausalLM (Qwen2ForCausalLM with q/k/v biases), the GPT-2 block as "
                + "GPT2LMHeadModel. Other combinations are refused. Prints one JSON line."})
final class HfExportCommand extends StageCommand {

    @Option(names = "--checkpoint", required = true, paramLabel = "DIR", description = "Our checkpoint folder.")
    Path checkpoint;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Hugging Face folder to write.")
    Path out;

    @Override
    public Integer call() throws IOException {
        String architecture = HfExport.export(checkpoint, out);
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("out", out.toString());
        result.put("architecture", architecture);
        out().println(Json.compact(result));
        return 0;
    }
}
