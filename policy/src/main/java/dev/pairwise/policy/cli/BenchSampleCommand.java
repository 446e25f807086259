/*
 * `bench-sample`: tokens per second of sampling with the key/value cache against recomputing the
 * whole sequence at every step (what a decoder without a cache does), on the same prompts, seed
 * and batch. The target: the cache at least 5x faster at 256 new tokens, K = 4 samples of
 * 32 prompts. Prints one JSON line.
 */
package dev.pairwise.policy.cli;

import ai.djl.Device;
import ai.djl.engine.Engine;
import com.google.gson.Gson;
import com.google.gson.JsonObject;
import dev.pairwise.policy.model.GptConfig;
import dev.pairwise.policy.model.GptModel;
import dev.pairwise.policy.sample.Policy;
import dev.pairwise.policy.sample.Sample;
import dev.pairwise.policy.sample.Sampler;
import dev.pairwise.policy.sample.SamplingConfig;
import dev.pairwise.policy.tokenizer.CharTokenizer;
import dev.pairwise.policy.tokenizer.SpecialTokens;
import dev.pairwise.policy.tokenizer.Tokenizer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

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
public final class BenchSampleCommand {

    private static final String USAGE = "usage: bench-sample (--checkpoint DIR | --preset NAME [--vocab 65] [--context N])"
            + " [--new-tokens 256] [--k 4] [--prompts 32] [--prompt-tokens 16] [--prompts-file F.jsonl] [--seed 0]"
            + " [--skip-recompute]";

    private BenchSampleCommand() {
    }

    /** Runs the benchmark; 0 on success, 1 on bad input, 2 on a usage error. */
    public static int run(String[] args) {
        Args a;
        try {
            a = Args.parse(args, Set.of("checkpoint", "preset", "vocab", "context", "new-tokens", "k",
                    "prompts", "prompt-tokens", "prompts-file", "seed"), Set.of("skip-recompute"));
            if (a.has("checkpoint") == a.has("preset")) {
                throw new IllegalArgumentException("give exactly one of --checkpoint and --preset");
            }
        } catch (IllegalArgumentException e) {
            System.err.println("bench-sample: " + e.getMessage());
            System.err.println(USAGE);
            return 2;
        }
        try {
            System.out.println(bench(a));
            return 0;
        } catch (IllegalArgumentException | java.io.IOException e) {
            System.err.println("bench-sample: " + e.getMessage());
            return 1;
        }
    }

    private static String bench(Args a) throws java.io.IOException {
        int newTokens = a.integer("new-tokens", 256);
        int k = a.integer("k", 4);
        int promptCount = a.integer("prompts", 32);
        int promptTokens = a.integer("prompt-tokens", 16);
        long seed = a.longValue("seed", 0L);
        if (newTokens <= 0 || k <= 0 || promptCount <= 0 || promptTokens <= 0) {
            throw new IllegalArgumentException("--new-tokens, --k, --prompts and --prompt-tokens must be > 0");
        }
        JsonObject out = new JsonObject();
        out.addProperty("command", "bench-sample");
        try (Policy policy = a.has("checkpoint") ? Policy.load(Path.of(a.required("checkpoint")))
                : randomPolicy(a.required("preset"), a.integer("vocab", 65),
                a.integer("context", promptTokens + newTokens), seed)) {
            GptConfig config = policy.model().config();
            List<int[]> prompts = a.has("prompts-file")
                    ? encode(SampleCommand.readPrompts(Path.of(a.required("prompts-file"))), policy.tokenizer())
                    : randomPrompts(promptCount, promptTokens, config.vocabSize(), seed);
            int longest = prompts.stream().mapToInt(p -> p.length).max().orElseThrow();
            int fit = config.contextLength() - longest;
            if (fit <= 0) {
                throw new IllegalArgumentException("the longest prompt has " + longest
                        + " tokens, no room left in the model's context of " + config.contextLength());
            }
            int steps = Math.min(newTokens, fit);
            if (steps < newTokens) {
                System.err.printf("bench-sample: context %d leaves room for %d new tokens after a %d-token prompt,"
                        + " not %d%n", config.contextLength(), steps, longest, newTokens);
            }
            SamplingConfig sampling = new SamplingConfig(1.0, 0, 1.0, steps, Set.of(), seed);
            Sampler sampler = new Sampler(policy.model(), policy.tokenizer());
            // Warm-up: JIT and native kernels, outside the timed runs.
            sampler.sample(prompts.subList(0, 1), k, sampling.withMaxNewTokens(Math.min(8, steps)));
            sampler.withoutCache().sample(prompts.subList(0, 1), k, sampling.withMaxNewTokens(Math.min(8, steps)));

            Timed cached = time(() -> sampler.sample(prompts, k, sampling));
            System.err.printf("bench-sample: with the cache %d tokens in %.1f s%n", cached.tokens, cached.seconds);
            out.addProperty("tokens_per_s_cache", cached.tokens / cached.seconds);
            out.addProperty("seconds_cache", cached.seconds);
            if (!a.flag("skip-recompute")) {
                Timed recomputed = time(() -> sampler.withoutCache().sample(prompts, k, sampling));
                System.err.printf("bench-sample: recomputing %d tokens in %.1f s%n", recomputed.tokens, recomputed.seconds);
                out.addProperty("tokens_per_s_recompute", recomputed.tokens / recomputed.seconds);
                out.addProperty("seconds_recompute", recomputed.seconds);
                out.addProperty("speedup", recomputed.seconds / cached.seconds * cached.tokens / recomputed.tokens);
                out.addProperty("identical_samples_fraction", identical(cached.samples, recomputed.samples));
            }
            out.addProperty("k", k);
            out.addProperty("prompts", prompts.size());
            out.addProperty("prompt_tokens", longest);
            out.addProperty("new_tokens", steps);
            out.addProperty("new_tokens_requested", newTokens);
            out.addProperty("generated_tokens", cached.tokens);
            out.addProperty("model", a.has("checkpoint") ? a.required("checkpoint") : "random:" + a.required("preset"));
            out.addProperty("params", policy.model().parameterCount());
            out.addProperty("layers", config.layers());
            out.addProperty("width", config.width());
            out.addProperty("context", config.contextLength());
            out.addProperty("vocab", config.vocabSize());
            out.addProperty("device", policy.model().device().toString());
            out.addProperty("threads", System.getProperty("ai.djl.pytorch.num_threads", "default"));
        }
        return new Gson().toJson(out);
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
        Device device = Engine.getInstance().getGpuCount() > 0 ? Device.gpu() : Device.cpu();
        return new Policy(GptModel.create(config, seed, device), tokenizer);
    }

    /** A char-level tokenizer of exactly {@code vocab} ids: printable characters plus the special tokens. */
    private static Tokenizer charTokenizer(int vocab) {
        int chars = vocab - SpecialTokens.ALL.size();
        if (chars <= 0 || chars > 0xD7FF - 0x21) {
            throw new IllegalArgumentException("--vocab must be in (" + SpecialTokens.ALL.size() + ", 55000], got " + vocab);
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
