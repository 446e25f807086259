/*
 * `sample`: K responses per prompt from a checkpoint, one JSONL line per response, for labelers
 * to rank or for a person to read. Temperature / top-k / nucleus sampling (Holtzman et al. 2020)
 * through dev.pairwise.policy.sample.Sampler.
 */
package dev.pairwise.policy.cli;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import dev.pairwise.policy.sample.Policy;
import dev.pairwise.policy.sample.Sample;
import dev.pairwise.policy.sample.Sampler;
import dev.pairwise.policy.sample.SamplingConfig;
import dev.pairwise.policy.sample.TokenListener;
import dev.pairwise.policy.tokenizer.SpecialTokens;
import dev.pairwise.policy.tokenizer.Tokenizer;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

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
public final class SampleCommand {

    private static final String USAGE = "usage: sample --checkpoint DIR --prompts FILE.jsonl --k N --max-new N"
            + " [--temperature 1.0] [--top-p 1.0] [--top-k 0] [--seed 0] [--chat] [--stream] --out FILE.jsonl";

    private SampleCommand() {
    }

    /** Runs the command; 0 on success, 1 on bad input (message on stderr), 2 on a usage error. */
    public static int run(String[] args) {
        Args a;
        try {
            a = Args.parse(args, Set.of("checkpoint", "prompts", "k", "max-new", "temperature", "top-p", "top-k",
                    "seed", "out"), Set.of("chat", "stream"));
            for (String required : List.of("checkpoint", "prompts", "k", "max-new", "out")) {
                a.required(required);
            }
        } catch (IllegalArgumentException e) {
            System.err.println("sample: " + e.getMessage());
            System.err.println(USAGE);
            return 2;
        }
        try {
            return sample(a, System.out);
        } catch (IllegalArgumentException | IOException e) {
            System.err.println("sample: " + e.getMessage());
            return 1;
        }
    }

    private static int sample(Args a, PrintStream console) throws IOException {
        Path checkpoint = Path.of(a.required("checkpoint"));
        Path promptsFile = Path.of(a.required("prompts"));
        Path out = Path.of(a.required("out"));
        int k = a.integer("k", null);
        boolean chat = a.flag("chat");
        SamplingConfig defaults = SamplingConfig.defaults();
        List<String> prompts = readPrompts(promptsFile);
        try (Policy policy = Policy.load(checkpoint)) {
            Tokenizer tokenizer = policy.tokenizer();
            SamplingConfig config = new SamplingConfig(a.decimal("temperature", defaults.temperature()),
                    a.integer("top-k", defaults.topK()), a.decimal("top-p", defaults.topP()),
                    a.integer("max-new", null),
                    chat ? Set.of(tokenizer.specialId(SpecialTokens.END)) : Set.of(),
                    a.longValue("seed", defaults.seed()));
            List<int[]> ids = new ArrayList<>();
            for (String p : prompts) {
                ids.add(chat ? tokenizer.encodeWithSpecials(SpecialTokens.USER + p + SpecialTokens.END
                        + SpecialTokens.ASSISTANT) : tokenizer.encode(p));
            }
            TokenListener listener = a.flag("stream") ? (p, j, id, piece) -> {
                if (p == 0 && j == 0) {
                    console.print(piece);
                    console.flush();
                }
            } : TokenListener.NONE;
            List<Sample> samples = new Sampler(policy.model(), tokenizer).sample(ids, k, config, listener);
            if (a.flag("stream")) {
                console.println();
            }
            write(out, samples, prompts, checkpoint, config, chat);
            console.printf("sample: wrote %d responses (%d prompts x %d) to %s%n", samples.size(), prompts.size(), k, out);
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
            JsonElement prompt;
            try {
                JsonElement e = JsonParser.parseString(line);
                prompt = e.isJsonObject() ? e.getAsJsonObject().get("prompt") : null;
            } catch (JsonParseException e) {
                throw new IllegalArgumentException(file + ":" + n + ": not valid JSON: " + e.getMessage(), e);
            }
            if (prompt == null || !prompt.isJsonPrimitive() || !prompt.getAsJsonPrimitive().isString()) {
                throw new IllegalArgumentException(file + ":" + n + ": expected an object with a string field 'prompt'");
            }
            prompts.add(prompt.getAsString());
        }
        if (prompts.isEmpty()) {
            throw new IllegalArgumentException("prompts file " + file + " holds no prompt");
        }
        return prompts;
    }

    private static void write(Path out, List<Sample> samples, List<String> prompts, Path checkpoint,
                              SamplingConfig config, boolean chat) throws IOException {
        JsonObject settings = new JsonObject();
        settings.addProperty("temperature", config.temperature());
        settings.addProperty("top_k", config.topK());
        settings.addProperty("top_p", config.topP());
        settings.addProperty("max_new_tokens", config.maxNewTokens());
        settings.addProperty("seed", config.seed());
        settings.addProperty("chat", chat);
        Gson gson = new Gson();
        Path parent = out.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        try (BufferedWriter w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            for (Sample s : samples) {
                JsonObject o = new JsonObject();
                o.addProperty("prompt_index", s.promptIndex());
                o.addProperty("sample_index", s.sampleIndex());
                o.addProperty("prompt", prompts.get(s.promptIndex()));
                o.addProperty("response", s.text());
                o.addProperty("finish_reason", s.finishReason().label());
                o.addProperty("tokens", s.tokenCount());
                o.addProperty("checkpoint", checkpoint.toString());
                o.add("sampling", settings);
                w.write(gson.toJson(o));
                w.newLine();
            }
        }
    }
}
