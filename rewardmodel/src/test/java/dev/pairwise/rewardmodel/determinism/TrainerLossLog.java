package dev.pairwise.rewardmodel.determinism;

import dev.pairwise.policy.align.AlignListener;
import dev.pairwise.policy.align.DpoLossType;
import dev.pairwise.policy.align.Optim;
import dev.pairwise.policy.align.RewardFunction;
import dev.pairwise.policy.align.TinyWorld;
import dev.pairwise.policy.data.pairs.PreferenceGroup;
import dev.pairwise.policy.data.pairs.PreferencePair;
import dev.pairwise.policy.data.pairs.Turn;
import dev.pairwise.policy.dpo.DpoConfig;
import dev.pairwise.policy.dpo.DpoTrainer;
import dev.pairwise.policy.model.GptModel;
import dev.pairwise.policy.ppo.PpoConfig;
import dev.pairwise.policy.ppo.PpoTrainer;
import dev.pairwise.policy.sft.SftConfig;
import dev.pairwise.policy.sft.SftTrainer;
import dev.pairwise.policy.synthetic.Corruptions;
import dev.pairwise.policy.synthetic.SimulatedLabeler;
import dev.pairwise.policy.synthetic.SyntheticTask;
import dev.pairwise.policy.train.AdamWSettings;
import dev.pairwise.policy.train.Pretrainer;
import dev.pairwise.policy.train.TinyRuns;
import dev.pairwise.policy.train.TrainConfig;
import dev.pairwise.rewardmodel.RewardConfig;
import dev.pairwise.rewardmodel.RewardModel;
import dev.pairwise.rewardmodel.RewardTrainer;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Trains each of the five trainers a few steps on tiny data from fixed seeds and prints every
 * logged metric of every step as the exact bits of its double, one line each
 * ({@code trainer step name bits}). {@link DeterminismTest} runs this in two fresh JVMs and
 * compares the outputs byte for byte.
 */
public final class TrainerLossLog {

    private static final TinyWorld WORLD = new TinyWorld(24, 4, 3);

    private TrainerLossLog() {
    }

    /** Writes the log to the file named by {@code args[0]} (stdout carries DJL's own logging). */
    public static void main(String[] args) throws IOException {
        try (PrintStream out = new PrintStream(Files.newOutputStream(Path.of(args[0])), false, StandardCharsets.UTF_8)) {
            pretrain(out);
            sft(out);
            reward(out);
            dpo(out);
            ppo(out);
        }
    }

    private static void pretrain(PrintStream out) {
        TrainConfig tc = new TrainConfig(6, 4, 2, 3e-3, 3e-4, 2, AdamWSettings.PRETRAINING, 0, 2, 42);
        try (GptModel model = GptModel.create(TinyRuns.model(true), 42, ai.djl.Device.cpu());
                Pretrainer t = new Pretrainer(model, TinyRuns.dataset(16), tc)) {
            for (int i = 0; i < tc.iters(); i++) {
                var r = t.trainStep();
                log(out, "pretrain", r.step(), Map.of("loss", r.loss(), "grad_norm", (double) r.gradNorm()));
            }
        }
    }

    private static void sft(PrintStream out) {
        SftConfig config = new SftConfig(1, 8, Optim.of(3e-3), 0, false, null, 0.1, 0, 0, 11);
        try (GptModel model = WORLD.newModel(5);
                SftTrainer t = new SftTrainer(model, WORLD.chat, WORLD.demonstrations(0, 1), config)) {
            t.run(listener(out, "sft"), () -> false);
        }
    }

    private static void reward(PrintStream out) {
        Random rng = new Random(4);
        SimulatedLabeler labeler = new SimulatedLabeler(0, 0);
        List<PreferenceGroup> groups = new ArrayList<>();
        for (SyntheticTask task : WORLD.tasks.train()) {
            List<String> k4 = List.of(task.answer(), Corruptions.corrupt(task, rng), Corruptions.corrupt(task, rng), "0");
            labeler.judge(task, k4, rng).ifPresent(groups::add);
        }
        try (RewardModel rm = RewardModel.fresh(WORLD.newModel(1), WORLD.chat, 2);
                RewardTrainer t = new RewardTrainer(rm, groups, new RewardConfig(1, 4, Optim.of(3e-3), 0, 0.01, 0.1, 0, 5))) {
            t.run(listener(out, "reward"), () -> false);
        }
    }

    private static void dpo(PrintStream out) {
        Random rng = new Random(8);
        List<PreferencePair> pairs = new ArrayList<>();
        for (SyntheticTask task : WORLD.tasks.train()) {
            pairs.add(new PreferencePair(Turn.user(task.prompt()), task.answer(), Corruptions.corrupt(task, rng)));
        }
        DpoConfig config = new DpoConfig(0.1, DpoLossType.SIGMOID, 0, 1, 8, Optim.of(3e-3), 0, null, 0.1, 0, 9);
        try (GptModel policy = WORLD.newModel(1); GptModel reference = WORLD.newModel(1);
                DpoTrainer t = new DpoTrainer(policy, reference, WORLD.chat, pairs, config)) {
            t.run(listener(out, "dpo"), () -> false);
        }
    }

    private static void ppo(PrintStream out) {
        RewardFunction digits = (prompts, responses) -> {
            float[] r = new float[responses.size()];
            for (int i = 0; i < r.length; i++) {
                String s = responses.get(i);
                r[i] = s.isEmpty() ? 0f : (float) s.chars().filter(Character::isDigit).count() / s.length();
            }
            return r;
        };
        List<List<Turn>> prompts = WORLD.tasks.train().stream().map(t -> Turn.user(t.prompt())).toList();
        PpoConfig config = new PpoConfig(2, 8, 4, 2, 6, 1.0, Optim.of(1e-3), 0.2, 0.2, 0.1, 1.0, 0.95, true, true,
                0.2, 6.0, 10000, 21);
        try (GptModel policy = WORLD.newModel(1); GptModel reference = WORLD.newModel(1);
                PpoTrainer t = new PpoTrainer(policy, reference, WORLD.chat, digits, prompts, config)) {
            t.run(listener(out, "ppo"), () -> false);
        }
    }

    private static AlignListener listener(PrintStream out, String trainer) {
        return (step, total, metrics) -> log(out, trainer, step, metrics);
    }

    private static void log(PrintStream out, String trainer, int step, Map<String, Double> metrics) {
        metrics.keySet().stream().sorted().forEach(name -> out.println(trainer + " " + step + " " + name + " "
                + Long.toHexString(Double.doubleToRawLongBits(metrics.get(name)))));
    }
}
