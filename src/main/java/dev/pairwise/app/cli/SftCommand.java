package dev.pairwise.app.cli;

import ai.djl.Device;
import dev.pairwise.policy.align.AlignCheckpoints;
import dev.pairwise.policy.align.ChatTokens;
import dev.pairwise.policy.align.Optim;
import dev.pairwise.policy.data.pairs.ReadReport;
import dev.pairwise.policy.data.pairs.SftExample;
import dev.pairwise.policy.data.pairs.SftReader;
import dev.pairwise.policy.lora.LoraConfig;
import dev.pairwise.policy.model.GptModel;
import dev.pairwise.policy.sft.SftConfig;
import dev.pairwise.policy.sft.SftResult;
import dev.pairwise.policy.sft.SftTrainer;
import dev.pairwise.policy.tokenizer.Tokenizer;
import dev.pairwise.policy.tokenizer.Tokenizers;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code sft}: supervised fine-tuning of a policy checkpoint on demonstrations, optionally with LoRA. */
@Command(name = "sft", description = {
        "Supervised fine-tuning of a policy on demonstrations, optionally LoRA.",
        "Demonstrations as JSONL (prompt + completion, or messages); saves the new policy checkpoint."})
final class SftCommand extends AlignStage {

    private static final SftConfig DEFAULTS = SftConfig.defaults();

    @Option(names = "--base", required = true, paramLabel = "DIR", description = "Policy checkpoint to start from.")
    Path base;

    @Option(names = "--data", required = true, paramLabel = "FILE",
            description = "Demonstrations, JSONL or JSONL.gz: {prompt, completion} or {messages: [{role, content}]}.")
    Path data;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Folder for the new checkpoint.")
    Path outDir;

    @Option(names = "--epochs", paramLabel = "N", description = "Passes over the demonstrations.")
    int epochs = DEFAULTS.epochs();

    @Option(names = "--batch", paramLabel = "N", description = "Demonstrations per step.")
    int batch = DEFAULTS.batchSize();

    @Option(names = "--lr", paramLabel = "LR", description = "Peak learning rate (AdamW, cosine schedule).")
    double lr = DEFAULTS.optim().lr();

    @Option(names = "--max-length", paramLabel = "N",
            description = "Tokens per example at most; 0: the model's context length.")
    int maxLength = 0;

    @Option(names = "--packing", description = "Pack several short examples into one row.")
    boolean packing;

    @Option(names = "--lora-rank", paramLabel = "R",
            description = "Train low-rank adapters of this rank instead of every weight (off when not given).")
    @Nullable Integer loraRank;

    @Option(names = "--lora-alpha", paramLabel = "A", description = "LoRA scale alpha (with --lora-rank).")
    double loraAlpha = 16;

    @Option(names = "--lora-targets", paramLabel = "NAMES", split = ",",
            description = "Comma-separated weights that get adapters (with --lora-rank).")
    List<String> loraTargets = new ArrayList<>(List.of("attn.c_attn", "attn.c_proj"));

    @Option(names = "--lora-separate",
            description = "Save the adapters next to the base weights instead of merging them in.")
    boolean loraSeparate;

    @Option(names = "--seed", paramLabel = "N", description = "Seed of the shuffle and the held-out split.")
    int seed = (int) DEFAULTS.seed();

    @Override
    public Integer call() throws IOException {
        LoraConfig lora = loraRank == null ? null
                : new LoraConfig(loraRank, loraAlpha, Set.copyOf(loraTargets), !loraSeparate);
        SftConfig config = new SftConfig(epochs, batch, Optim.of(lr), maxLength, packing, lora,
                DEFAULTS.valFraction(), DEFAULTS.evalInterval(), 0, seed);
        ReadReport<SftExample> read = SftReader.read(data);
        Device device = device();
        try (GptModel model = AlignCheckpoints.loadPolicy(base, device)) {
            Tokenizer tokenizer = Tokenizers.load(base);
            noteUnknown(tokenizer, read.records().stream().map(e -> {
                List<String> texts = new ArrayList<>(turns(e.prompt()));
                texts.add(e.completion());
                return texts;
            }).toList(), "demonstrations");
            try (SftTrainer t = new SftTrainer(model, new ChatTokens(tokenizer), read.records(), config)) {
                SftResult r = t.run(progress(), () -> false);
                t.save(outDir);
                result(Map.of("result", r, "skipped_empty", read.skippedEmpty()));
            }
        }
        return 0;
    }
}
