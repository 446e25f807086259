/*
 * The command-line entry points of issue 4's stages, to be registered with the app's dispatcher
 * (dev.pairwise.app.cli.CommandLine: COMMANDS.putAll(AlignCommands.commands())). They live in
 * rewardmodel because train-rm, eval-rm, ppo and loop-demo need the reward model, which the
 * policy package may not see. Every command reads files and writes a checkpoint folder; each
 * prints a JSON line of metrics per step to stderr and a final JSON line to stdout.
 */
package dev.pairwise.rewardmodel.cli;

import ai.djl.Device;
import ai.djl.engine.Engine;
import com.google.gson.Gson;
import dev.pairwise.policy.align.AlignCheckpoints;
import dev.pairwise.policy.align.AlignListener;
import dev.pairwise.policy.align.ChatTokens;
import dev.pairwise.policy.align.DpoLossType;
import dev.pairwise.policy.align.Optim;
import dev.pairwise.policy.data.pairs.PairReader;
import dev.pairwise.policy.data.pairs.PreferenceGroup;
import dev.pairwise.policy.data.pairs.PreferencePair;
import dev.pairwise.policy.data.pairs.ReadReport;
import dev.pairwise.policy.data.pairs.SftExample;
import dev.pairwise.policy.data.pairs.SftReader;
import dev.pairwise.policy.data.pairs.Turn;
import dev.pairwise.policy.dpo.DpoConfig;
import dev.pairwise.policy.dpo.DpoResult;
import dev.pairwise.policy.dpo.DpoTrainer;
import dev.pairwise.policy.lora.LoraConfig;
import dev.pairwise.policy.model.GptModel;
import dev.pairwise.policy.ppo.PpoConfig;
import dev.pairwise.policy.ppo.PpoResult;
import dev.pairwise.policy.ppo.PpoTrainer;
import dev.pairwise.policy.sft.SftConfig;
import dev.pairwise.policy.sft.SftResult;
import dev.pairwise.policy.sft.SftTrainer;
import dev.pairwise.policy.tokenizer.Tokenizers;
import dev.pairwise.rewardmodel.RewardConfig;
import dev.pairwise.rewardmodel.RewardMetrics;
import dev.pairwise.rewardmodel.RewardModel;
import dev.pairwise.rewardmodel.RewardResult;
import dev.pairwise.rewardmodel.RewardTrainer;
import dev.pairwise.rewardmodel.demo.LoopDemo;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ToIntFunction;

/** sft, train-rm, eval-rm, dpo, ppo, loop-demo. */
public final class AlignCommands {

    private static final Gson GSON = new Gson();

    private AlignCommands() {
    }

    /** Command name to entry point (arguments after the name; returns the exit code). */
    public static Map<String, ToIntFunction<String[]>> commands() {
        Map<String, ToIntFunction<String[]>> c = new LinkedHashMap<>();
        c.put("sft", args -> guarded("sft", () -> sft(args)));
        c.put("train-rm", args -> guarded("train-rm", () -> trainRm(args)));
        c.put("eval-rm", args -> guarded("eval-rm", () -> evalRm(args)));
        c.put("dpo", args -> guarded("dpo", () -> dpo(args)));
        c.put("ppo", args -> guarded("ppo", () -> ppo(args)));
        c.put("loop-demo", args -> guarded("loop-demo", () -> loopDemo(args)));
        return c;
    }

    private interface Body {
        void run() throws IOException;
    }

    private static int guarded(String name, Body body) {
        try {
            body.run();
            return 0;
        } catch (IllegalArgumentException | IOException e) {
            System.err.println(name + ": " + e.getMessage());
            return 2;
        }
    }

    /** The GPU when DJL sees one, else the CPU; {@code --device cpu} forces the CPU. */
    private static Device device(Options o) {
        String d = o.string("device", "auto");
        return switch (d) {
            case "cpu" -> Device.cpu();
            case "gpu" -> Device.gpu();
            case "auto" -> Engine.getInstance().getGpuCount() > 0 ? Device.gpu() : Device.cpu();
            default -> throw new IllegalArgumentException("--device must be auto, cpu or gpu, got '" + d + "'");
        };
    }

    private static final AlignListener PRINT = (step, total, m) ->
            System.err.println(GSON.toJson(Map.of("step", step, "total", total, "metrics", m)));

    private static Optim optim(Options o, double lr) {
        return Optim.of(o.number("lr", lr));
    }

    private static void sft(String[] args) throws IOException {
        Options o = new Options("sft", args, Set.of("base", "data", "out", "epochs", "lr", "batch", "lora-rank",
                "lora-alpha", "lora-targets", "seed", "device", "max-length"), Set.of("packing", "lora-separate"));
        SftConfig d = SftConfig.defaults();
        LoraConfig lora = null;
        if (o.has("lora-rank")) {
            lora = new LoraConfig(o.integer("lora-rank", 8), o.number("lora-alpha", 16),
                    Set.copyOf(Arrays.asList(o.string("lora-targets", "attn.c_attn,attn.c_proj").split(","))),
                    !o.flag("lora-separate"));
        }
        SftConfig config = new SftConfig(o.integer("epochs", d.epochs()), o.integer("batch", d.batchSize()),
                optim(o, d.optim().lr()), o.integer("max-length", 0), o.flag("packing"), lora, d.valFraction(),
                d.evalInterval(), 0, o.integer("seed", (int) d.seed()));
        ReadReport<SftExample> data = SftReader.read(o.path("data"));
        Path base = o.path("base");
        try (GptModel model = AlignCheckpoints.loadPolicy(base, device(o));
                SftTrainer t = new SftTrainer(model, new ChatTokens(Tokenizers.load(base)), data.records(), config)) {
            SftResult r = t.run(PRINT, () -> false);
            t.save(o.path("out"));
            System.out.println(GSON.toJson(Map.of("result", r, "skipped_empty", data.skippedEmpty())));
        }
    }

    private static void trainRm(String[] args) throws IOException {
        Options o = new Options("train-rm", args, Set.of("init", "data", "out", "epochs", "lr", "batch", "centering",
                "seed", "device"), Set.of());
        RewardConfig d = RewardConfig.defaults();
        RewardConfig config = new RewardConfig(o.integer("epochs", d.epochs()), o.integer("batch", d.batchSize()),
                optim(o, d.optim().lr()), 0, o.number("centering", 0), d.valFraction(), 0, o.integer("seed", 1234));
        ReadReport<PreferencePair> data = PairReader.read(o.path("data"));
        List<PreferenceGroup> groups = data.records().stream().map(PreferenceGroup::of).toList();
        try (RewardModel rm = RewardModel.initFrom(o.path("init"), device(o), config.seed());
                RewardTrainer t = new RewardTrainer(rm, groups, config)) {
            RewardResult r = t.run(PRINT, () -> false);
            t.save(o.path("out"));
            System.out.println(GSON.toJson(Map.of("result", r, "skipped_identical_in_file", data.skippedIdentical(),
                    "skipped_empty_in_file", data.skippedEmpty())));
        }
    }

    private static void evalRm(String[] args) throws IOException {
        Options o = new Options("eval-rm", args, Set.of("model", "data", "device"), Set.of());
        ReadReport<PreferencePair> data = PairReader.read(o.path("data"));
        try (RewardModel rm = RewardModel.load(o.path("model"), device(o))) {
            List<PreferencePair> pairs = data.records();
            float[] c = rm.score(pairs.stream().map(PreferencePair::prompt).toList(),
                    pairs.stream().map(PreferencePair::chosen).toList());
            float[] r = rm.score(pairs.stream().map(PreferencePair::prompt).toList(),
                    pairs.stream().map(PreferencePair::rejected).toList());
            Map<String, Object> out = new LinkedHashMap<>(RewardMetrics.of(c, r).asMap());
            out.put("skipped_identical", data.skippedIdentical());
            out.put("skipped_empty", data.skippedEmpty());
            System.out.println(GSON.toJson(out));
        }
    }

    private static void dpo(String[] args) throws IOException {
        Options o = new Options("dpo", args, Set.of("policy", "data", "out", "beta", "loss", "label-smoothing",
                "epochs", "lr", "batch", "seed", "device"), Set.of());
        DpoConfig d = DpoConfig.defaults();
        DpoLossType type = DpoLossType.valueOf(o.string("loss", "sigmoid").toUpperCase(java.util.Locale.ROOT));
        DpoConfig config = new DpoConfig(o.number("beta", d.beta()), type, o.number("label-smoothing", 0),
                o.integer("epochs", d.epochs()), o.integer("batch", d.batchSize()), optim(o, d.optim().lr()), 0, null,
                d.valFraction(), 0, o.integer("seed", 1234));
        ReadReport<PreferencePair> data = PairReader.read(o.path("data"));
        Path start = o.path("policy");
        Device device = device(o);
        try (GptModel policy = AlignCheckpoints.loadPolicy(start, device);
                GptModel reference = AlignCheckpoints.loadPolicy(start, device);
                DpoTrainer t = new DpoTrainer(policy, reference, new ChatTokens(Tokenizers.load(start)), data.records(),
                        config)) {
            DpoResult r = t.run(PRINT, () -> false);
            t.save(o.path("out"));
            System.out.println(GSON.toJson(Map.of("result", r, "skipped_identical_in_file", data.skippedIdentical())));
        }
    }

    private static void ppo(String[] args) throws IOException {
        Options o = new Options("ppo", args, Set.of("policy", "reward-model", "prompts", "out", "iterations", "lr",
                "rollout-batch", "mini-batch", "max-new", "fixed-kl", "seed", "device"), Set.of());
        PpoConfig d = PpoConfig.defaults();
        boolean fixed = o.has("fixed-kl");
        PpoConfig config = new PpoConfig(o.integer("iterations", d.iterations()), o.integer("rollout-batch",
                d.rolloutBatch()), o.integer("mini-batch", d.miniBatch()), d.ppoEpochs(), o.integer("max-new",
                d.maxNewTokens()), d.temperature(), optim(o, d.optim().lr()), d.clipRange(), d.valueClipRange(),
                d.vfCoef(), d.gamma(), d.lambda(), d.whitenAdvantages(), !fixed, fixed ? o.number("fixed-kl", 0.05)
                : d.initKl(), d.targetKl(), d.klHorizon(), o.integer("seed", 1234));
        List<List<Turn>> prompts = SftReader.readPrompts(o.path("prompts"));
        Path start = o.path("policy");
        Device device = device(o);
        try (RewardModel rm = RewardModel.load(o.path("reward-model"), device);
                GptModel policy = AlignCheckpoints.loadPolicy(start, device);
                GptModel reference = AlignCheckpoints.loadPolicy(start, device);
                PpoTrainer t = new PpoTrainer(policy, reference, new ChatTokens(Tokenizers.load(start)), rm, prompts,
                        config)) {
            PpoResult r = t.run(PRINT, () -> false);
            t.save(o.path("out"));
            System.out.println(GSON.toJson(r));
        }
    }

    private static void loopDemo(String[] args) {
        Options o = new Options("loop-demo", args, Set.of("size", "seed", "device"), Set.of());
        LoopDemo.Result r = LoopDemo.run(LoopDemo.Size.named(o.string("size", "tiny")), o.integer("seed", 1),
                device(o), System.err::println);
        System.out.println(r.toJson());
    }
}
