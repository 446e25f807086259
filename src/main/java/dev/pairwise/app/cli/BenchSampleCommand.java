/*
 * `bench-sample`: tokens per second of sampling with the key/value cache against recomputing the
 * whole sequence at every step (what a decoder without a cache does), on the same prompts, seed
 * and batch. The target: the cache at least 5x faster at 256 new tokens, K = 4 samples of
 * 32 prompts. Prints one JSON line.
 */
package dev.pairwise.app.cli;

import dev.pairwise.policy.io.Json;
import dev.pairwise.policy.model.GptConfig;
import dev.pairwise.policy.model.GptModel;
import dev.pairwise.policy.sample.Policy;
import dev.pairwise.policy.sample.Sample;
import dev.pairwise.policy.sample.Sampler;
import dev.pairwise.policy.sample.SamplingConfig;
import dev.pairwise.policy.tokenizer.CharTokenizer;
import dev.pairwise.policy.tokenizer.SpecialTokens;
import dev.pairwise.policy.tokenizer.Tokenizer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code bench-sample (--checkpoint DIR | --preset NAME [--vocab 65] [--context N])
 * [--new-tokens 256] [--k 4] [--prompts 32] [--prompt-tokens 16] [--prompts-file F.jsonl]
 * [--seed 0] [--skip-recompute]}.
 *
 * <p>Prompts are random token ids (or the prompts of {@code --prompts-file}); sampling runs at
 * temperature 1 with no stop token, so every sample has exactly the requested length and both
 * runs do the same work. {@code --preset} benchmarks a randomly initialised model of a
 * {@code GptConfig} preset (speed does not depend on the weights); its context defaults to
 * prompt plus new tokens. With a checkpoint whose context is too short, the new tokens are
 * capped to fit and the JSON says so.
 */
@Command(name = "bench-sample", description = {
        "Sampling speed with and without the KV cache, as one JSON line.",
        "On a checkpoint, or on a random model of a preset (speed does not depend on the weights)."})
final class BenchSampleCommand extends StageCommand {

    @Option(names = "--checkpoint", paramLabel = "DIR", description = "Policy checkpoint to sample from (or --preset).")
    @Nullable Path checkpoint;

    @Option(names = "--preset", paramLabel = "NAME",
            description = "A random model of this GptConfig preset instead of a checkpoint.")
    @Nullable String preset;

    @Option(names = "--vocab", paramLabel = "N", description = "Vocabulary of the random model (with --preset).")
    int vocab = 65;

    @Option(names = "--context", paramLabel = "N",
            description = "Context of the random model (default: --prompt-tokens + --new-tokens).")
    @Nullable Integer context;

    @Option(names = "--new-tokens", paramLabel = "N", description = "Tokens to generate per sample.")
    int newTokens = 256;

    @Option(names = "--k", paramLabel = "N", description = "Samples per prompt.")
    int k = 4;

    @Option(names = "--prompts", paramLabel = "N", description = "Random prompts.")
    int promptCount = 32;

    @Option(names = "--prompt-tokens", paramLabel = "N", description = "Tokens per random prompt.")
    int promptTokens = 16;

    @Option(names = "--prompts-file", paramLabel = "FILE",
            description = "Real prompts instead of random ones: JSONL, one {\"prompt\": \"...\"} per line.")
    @Nullable Path promptsFile;

    @Option(names = "--seed", paramLabel = "N", description = "Seed of the prompts, the model and the sampling.")
    long seed = 0;

    @Option(names = "--skip-recompute", description = "Time the cached run only.")
    boolean skipRecompute;

    @Override
    public Integer call() throws IOException {
        if ((checkpoint == null) == (preset == null)) {
            throw usage("give exactly one of --checkpoint and --preset");
        }
        if (newTokens <= 0 || k <= 0 || promptCount <= 0 || promptTokens <= 0) {
            throw usage("--new-tokens, --k, --prompts and --prompt-tokens must be > 0");
        }
        out().println(bench());
        return 0;
    }

    private String bench() throws IOException {
        ObjectNode out = Json.object();
        out.put("command", "bench-sample");
        try (Policy policy = checkpoint != null ? Policy.load(checkpoint)
                : randomPolicy(preset, vocab, context != null ? context : promptTokens + newTokens, seed)) {
            err().println(DjlRuntime.describe(policy.model().device()));
            GptConfig config = policy.model().config();
            List<int[]> prompts = promptsFile != null
                    ? encode(SampleCommand.readPrompts(promptsFile), policy.tokenizer())
                    : randomPrompts(promptCount, promptTokens, config.vocabSize(), seed);
            int longest = prompts.stream().mapToInt(p -> p.length).max().orElseThrow();
            int fit = config.contextLength() - longest;
            if (fit <= 0) {
                throw new IllegalArgumentException("the longest prompt has " + longest
                        + " tokens, no room left in the model's context of " + config.contextLength());
            }
            int steps = Math.min(newTokens, fit);
            if (steps < newTokens) {
                err().printf("bench-sample: context %d leaves room for %d new tokens after a %d-token prompt,"
                        + " not %d%n", config.contextLength(), steps, longest, newTokens);
            }
            SamplingConfig sampling = new SamplingConfig(1.0, 0, 1.0, steps, Set.of(), seed);
            Sampler sampler = new Sampler(policy.model(), policy.tokenizer());
            // Warm-up: JIT and native kernels, outside the timed runs.
            sampler.sample(prompts.subList(0, 1), k, sampling.withMaxNewTokens(Math.min(8, steps)));
            sampler.withoutCache().sample(prompts.subList(0, 1), k, sampling.withMaxNewTokens(Math.min(8, steps)));

            Timed cached = time(() -> sampler.sample(prompts, k, sampling));
            err().printf("bench-sample: with the cache %d tokens in %.1f s%n", cached.tokens, cached.seconds);
            out.put("tokens_per_s_cache", cached.tokens / cached.seconds);
            out.put("seconds_cache", cached.seconds);
            if (!skipRecompute) {
                Timed recomputed = time(() -> sampler.withoutCache().sample(prompts, k, sampling));
                err().printf("bench-sample: recomputing %d tokens in %.1f s%n", recomputed.tokens, recomputed.seconds);
                out.put("tokens_per_s_recompute", recomputed.tokens / recomputed.seconds);
                out.put("seconds_recompute", recomputed.seconds);
                out.put("speedup", recomputed.seconds / cached.seconds * cached.tokens / recomputed.tokens);
                out.put("identical_samples_fraction", identical(cached.samples, recomputed.samples));
            }
            out.put("k", k);
            out.put("prompts", prompts.size());
            out.put("prompt_tokens", longest);
            out.put("new_tokens", steps);
            out.put("new_tokens_requested", newTokens);
            out.put("generated_tokens", cached.tokens);
            out.put("model", checkpoint != null ? checkpoint.toString() : "random:" + preset);
            out.put("params", policy.model().parameterCount());
            out.put("layers", config.layers());
            out.put("width", config.width());
            out.put("context", config.contextLength());
            out.put("vocab", config.vocabSize());
            out.put("device", policy.model().device().toString());
            out.put("threads", System.getProperty("ai.djl.pytorch.num_threads", "default"));
        }
        return Json.compact(out);
    }

    private record Timed(List<Sample> samples, long tokens, double seconds) {
    }

    private static Timed time(java.util.function.Supplier<List<Sample>> run) {
        long t0 = System.nanoTime();
        List<Sample> samples = run.get();
        double seconds = (System.nanoTime() - t0) / 1e9;
        return new Timed(samples, samples.stream().mapToLong(Sample::tokenCount).sum(), seconds);
    }

    private static double identical(List<Sample> a, List<Sample> b) {
        int same = 0;
        for (int i = 0; i < a.size(); i++) {
            if (java.util.Arrays.equals(a.get(i).tokenIds(), b.get(i).tokenIds())) {
                same++;
            }
        }
        return same / (double) a.size();
    }

    private static Policy randomPolicy(String preset, int vocab, int context, long seed) {
        Tokenizer tokenizer = charTokenizer(vocab);
        GptConfig config = GptConfig.preset(preset, vocab).withContextLength(context);
        return new Policy(GptModel.create(config, seed, DjlRuntime.defaultDevice()), tokenizer);
    }

    /** A char-level tokenizer of exactly {@code vocab} ids: printable characters, the specials and {@code <|unk|>}. */
    private static Tokenizer charTokenizer(int vocab) {
        int reserved = SpecialTokens.ALL.size() + 1;
        int chars = vocab - reserved;
        if (chars <= 0 || chars > 0xD7FF - 0x21) {
            throw new IllegalArgumentException("--vocab must be in (" + reserved + ", 55000], got " + vocab);
        }
        StringBuilder alphabet = new StringBuilder();
        for (int c = 0x21; alphabet.length() < chars; c++) {
            alphabet.append((char) c);
        }
        Tokenizer tokenizer = CharTokenizer.train(List.of(alphabet.toString()));
        if (tokenizer.vocabSize() != vocab) {
            throw new IllegalStateException("char tokenizer has " + tokenizer.vocabSize() + " ids, wanted " + vocab);
        }
        return tokenizer;
    }

    private static List<int[]> randomPrompts(int count, int length, int vocab, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<int[]> prompts = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            prompts.add(random.ints(length, 0, vocab).toArray());
        }
        return prompts;
    }

    private static List<int[]> encode(List<String> prompts, Tokenizer tokenizer) {
        return prompts.stream().map(tokenizer::encode).toList();
    }
}
