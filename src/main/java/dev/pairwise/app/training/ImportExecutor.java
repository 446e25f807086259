package dev.pairwise.app.training;

import dev.pairwise.app.jobs.JobContext;
import dev.pairwise.app.jobs.ExecutorBase;
import dev.pairwise.app.jobs.JobType;
import dev.pairwise.app.jobs.config.ConfigField;
import dev.pairwise.app.jobs.config.JobSettings;
import dev.pairwise.app.registry.CheckpointKind;
import dev.pairwise.labeling.InvalidInputException;
import dev.pairwise.policy.hf.HfImport;
import dev.pairwise.policy.model.GptConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import tools.jackson.databind.node.ObjectNode;

/**
 * IMPORT: reads a Hugging Face model folder on the server (Llama family or GPT-2, {@link HfImport},
 * the same as {@code hf-import}) on the training thread and registers it as a BASE checkpoint, so
 * SFT, DPO, PPO and sampling start from it like from a model pretrained here. The folder, its
 * config (architecture, sizes) and the presence of weights are checked at submission; the
 * original {@code config.json} and where it came from are kept beside the weights as
 * {@value #LINEAGE}.
 */
@Component
class ImportExecutor extends ExecutorBase {

    /** The import's lineage in the checkpoint folder: source folder, job, the original config.json. */
    static final String LINEAGE = "hf_import.json";

    static final List<ConfigField> FIELDS = List.of(
            new ConfigField("folder", "Hugging Face folder", ConfigField.Kind.TEXT, null, null, null, List.of(), true,
                    "A folder on the server with config.json, model.safetensors (or its shards and index) and "
                            + "tokenizer.json: a path under the data folder, or an absolute one inside "
                            + ImportFolders.PROPERTY + "."),
            ConfigField.integer("maxContext", "Longest context", HfImport.DEFAULT_MAX_CONTEXT, 1, 131_072,
                    "Context kept (the config's max_position_embeddings if smaller); the causal mask costs its "
                            + "square in floats, so 2048 keeps a CPU's memory."));

    private final ImportFolders folders;

    ImportExecutor(ImportFolders folders) {
        super(JobType.IMPORT, FIELDS, false);
        this.folders = folders;
    }

    @Override
    public List<Long> prepare(JobSettings s) {
        Path folder = folders.resolve("config.folder", s.text("folder"));
        try {
            // Unknown architectures and unsupported features are refused before the job is queued.
            HfImport.config(folder, s.integer("maxContext"));
        } catch (IOException | IllegalArgumentException e) {
            throw new InvalidInputException("config.folder", e.getMessage());
        }
        return List.of();
    }

    @Override
    public void run(JobContext ctx) throws Exception {
        JobSettings s = ctx.settings();
        Path folder = folders.resolve("config.folder", s.text("folder"));
        Path dir = ctx.checkpointDir().resolve("model");
        ctx.progress(0, 1);
        ctx.log("importing " + folder);
        HfImport.Summary summary = HfImport.importTo(folder, dir, s.integer("maxContext"));
        writeLineage(folder, dir, ctx.jobId());
        GptConfig c = summary.config();
        ctx.log(summary.parameters() + " parameters: " + c.layers() + " layers, width " + c.width() + ", " + c.heads()
                + " heads over " + c.keyValueHeads() + " key/value heads, vocabulary " + c.vocabSize() + ", context "
                + c.contextLength() + "; copied " + String.join(", ", summary.copiedFiles()));
        if (summary.tokenizerProblem() != null) {
            ctx.log("note: this app cannot read its tokenizer (" + summary.tokenizerProblem()
                    + "); SFT, DPO, PPO and sampling need one it reads");
        }
        if (ctx.isCancelled()) {
            return;
        }
        ctx.progress(1, 1);
        Map<String, Number> headline = new LinkedHashMap<>();
        headline.put("parameters", summary.parameters());
        headline.put("layers", (long) c.layers());
        headline.put("heads", (long) c.heads());
        headline.put("kv_heads", (long) c.keyValueHeads());
        headline.put("width", (long) c.width());
        headline.put("vocab_size", (long) c.vocabSize());
        headline.put("context_length", (long) c.contextLength());
        headline.put("tokenizer_usable", summary.tokenizerProblem() == null ? 1L : 0L);
        ctx.publish(CheckpointKind.BASE, dir, null, JsonSupport.metrics(headline));
    }

    private static void writeLineage(Path source, Path dir, long jobId) throws IOException {
        ObjectNode lineage = JsonSupport.JSON.createObjectNode();
        lineage.put("source", source.toString());
        lineage.put("job_id", jobId);
        lineage.set("hf_config", JsonSupport.JSON.readTree(Files.readString(source.resolve("config.json"),
                StandardCharsets.UTF_8)));
        Files.writeString(dir.resolve(LINEAGE), JsonSupport.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(lineage),
                StandardCharsets.UTF_8);
    }
}
