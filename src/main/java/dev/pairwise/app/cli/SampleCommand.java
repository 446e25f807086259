/*
 * `sample`: K responses per prompt from a checkpoint, one JSONL line per response, for labelers
 * to rank or for a person to read. Temperature / top-k / nucleus sampling (Holtzman et al. 2020)
 * through dev.pairwise.policy.sample.Sampler.
 */
package dev.pairwise.app.cli;

import dev.pairwise.policy.io.Json;
import dev.pairwise.policy.sample.Policy;
import dev.pairwise.policy.sample.Sample;
import dev.pairwise.policy.sample.Sampler;
import dev.pairwise.policy.sample.SamplingConfig;
import dev.pairwise.policy.sample.TokenListener;
import dev.pairwise.policy.tokenizer.SpecialTokens;
import dev.pairwise.policy.tokenizer.Tokenizer;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Help.Visibility;
import picocli.CommandLine.Option;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code sample --checkpoint DIR --prompts FILE.jsonl --k N --max-new N [--temperature T]
 * [--top-p P] [--top-k K] [--seed S] [--chat] [--stream] --out FILE.jsonl}.
 *
 * <p>Prompts: one JSON object per line with a string field {@code prompt}. With {@code --chat}
 * each prompt is rendered as {@code <|user|>prompt<|end|><|assistant|>} and {@code <|end|>}
 * stops a response. {@code --stream} prints the first response to the first prompt as it is
 * generated. Output: one line per response with the prompt, the response, its finish reason,
 * the checkpoint and the sampling settings.
 */
@Command(name = "sample", description = {
        "Samples K responses per prompt from a checkpoint into JSONL.",
        "KV cache; temperature, top-k and nucleus sampling; one line per response with its settings."})
final class SampleCommand extends StageCommand {

    private static final SamplingConfig DEFAULTS = SamplingConfig.defaults();

    @Option(names = "--checkpoint", required = true, paramLabel = "DIR", description = "Policy checkpoint.")
    Path checkpoint;

    @Option(names = "--prompts", required = true, paramLabel = "FILE",
            description = "Prompts, JSONL: one {\"prompt\": \"...\"} per line.")
    Path prompts;

    @Option(names = "--k", required = true, paramLabel = "N", showDefaultValue = Visibility.NEVER,
            description = "Responses per prompt.")
    int k;

    @Option(names = "--max-new", required = true, paramLabel = "N", showDefaultValue = Visibility.NEVER,
            description = "Tokens per response at most.")
    int maxNew;

    @Option(names = "--temperature", paramLabel = "T", description = "Softmax temperature; 0: greedy.")
    double temperature = DEFAULTS.temperature();

    @Option(names = "--top-p", paramLabel = "P", description = "Nucleus sampling: the smallest set of tokens with "
            + "this much probability; 1: off.")
    double topP = DEFAULTS.topP();

    @Option(names = "--top-k", paramLabel = "K", description = "Only the K likeliest tokens; 0: off.")
    int topK = DEFAULTS.topK();

    @Option(names = "--seed", paramLabel = "N", description = "Seed of the sampling.")
    long seed = DEFAULTS.seed();

    @Option(names = "--chat", description = "Wrap each prompt in the chat template; <|end|> stops a response.")
    boolean chat;

    @Option(names = "--stream", description = "Print the first response to the first prompt as it is generated.")
    boolean stream;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "Where to write the responses.")
    Path outFile;

    @Override
    public Integer call() throws IOException {
        PrintWriter console = out();
        List<String> texts = readPrompts(prompts);
        try (Policy policy = Policy.load(checkpoint)) {
            err().println(DjlRuntime.describe(policy.model().device()));
            Tokenizer tokenizer = policy.tokenizer();
            UnknownCharacters unknown = UnknownCharacters.count(tokenizer, texts.stream().map(List::of).toList());
            if (unknown.records() > 0) {
                err().println("sample: " + unknown.note("prompts"));
            }
            SamplingConfig config = new SamplingConfig(temperature, topK, topP, maxNew,
                    chat ? Set.of(tokenizer.specialId(SpecialTokens.END)) : Set.of(), seed);
            List<int[]> ids = new ArrayList<>();
            for (String p : texts) {
                ids.add(chat ? tokenizer.encodeWithSpecials(SpecialTokens.USER + p + SpecialTokens.END
                        + SpecialTokens.ASSISTANT) : tokenizer.encode(p));
            }
            TokenListener listener = stream ? (p, j, id, piece) -> {
                if (p == 0 && j == 0) {
                    console.print(piece);
                    console.flush();
                }
            } : TokenListener.NONE;
            List<Sample> samples = new Sampler(policy.model(), tokenizer).sample(ids, k, config, listener);
            if (stream) {
                console.println();
            }
            write(outFile, samples, texts, checkpoint, config, chat);
            console.printf("sample: wrote %d responses (%d prompts x %d) to %s%n", samples.size(), texts.size(), k,
                    outFile);
        }
        return 0;
    }

    /** The {@code prompt} field of every non-blank line; errors name the file and line. */
    static List<String> readPrompts(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("prompts file " + file + " does not exist");
        }
        List<String> prompts = new ArrayList<>();
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int n = 1; n <= lines.size(); n++) {
            String line = lines.get(n - 1);
            if (line.isBlank()) {
                continue;
            }
            JsonNode prompt;
            try {
                JsonNode e = Json.parse(line);
                prompt = e != null && e.isObject() ? e.get("prompt") : null;
            } catch (JacksonException e) {
                throw new IllegalArgumentException(file + ":" + n + ": not valid JSON: " + e.getOriginalMessage(), e);
            }
            if (prompt == null || !prompt.isString()) {
                throw new IllegalArgumentException(file + ":" + n + ": expected an object with a string field 'prompt'");
            }
            prompts.add(prompt.stringValue());
        }
        if (prompts.isEmpty()) {
            throw new IllegalArgumentException("prompts file " + file + " holds no prompt");
        }
        return prompts;
    }

    private static void write(Path out, List<Sample> samples, List<String> prompts, Path checkpoint,
                              SamplingConfig config, boolean chat) throws IOException {
        ObjectNode settings = Json.object();
        settings.put("temperature", config.temperature());
        settings.put("top_k", config.topK());
        settings.put("top_p", config.topP());
        settings.put("max_new_tokens", config.maxNewTokens());
        settings.put("seed", config.seed());
        settings.put("chat", chat);
        Path parent = out.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        try (BufferedWriter w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            for (Sample s : samples) {
                ObjectNode o = Json.object();
                o.put("prompt_index", s.promptIndex());
                o.put("sample_index", s.sampleIndex());
                o.put("prompt", prompts.get(s.promptIndex()));
                o.put("response", s.text());
                o.put("finish_reason", s.finishReason().label());
                o.put("tokens", s.tokenCount());
                o.put("checkpoint", checkpoint.toString());
                o.set("sampling", settings);
                w.write(Json.compact(o));
                w.newLine();
            }
        }
    }
}
