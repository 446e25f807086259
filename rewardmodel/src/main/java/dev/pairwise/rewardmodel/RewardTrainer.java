/*
 * Reward-model training (InstructGPT §3.5, Ouyang et al. 2022): every response of a judgment is
 * scored in one forward pass, all its K(K−1)/2 pairs enter the Bradley–Terry loss as one batch
 * element (averaged within the judgment, then over judgments), optional centring (TRL). One loop,
 * each step in its own NDManager, batches a function of (seed, step) for an exact resume.
 */
package dev.pairwise.rewardmodel;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import dev.pairwise.policy.align.AlignCheckpoints;
import dev.pairwise.policy.align.AlignListener;
import dev.pairwise.policy.align.Shuffle;
import dev.pairwise.policy.align.StepLoop;
import dev.pairwise.policy.align.TrainerState;
import dev.pairwise.policy.data.pairs.PreferenceGroup;
import dev.pairwise.policy.model.NoGrad;
import dev.pairwise.policy.train.AdamW;
import org.jspecify.annotations.Nullable;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import tools.jackson.databind.JsonNode;

/** Trains a {@link RewardModel} (not owned) on preference groups; one instance per run, one thread. */
public final class RewardTrainer implements AutoCloseable {

    /** One judgment, tokenised: its sequences and its pairs as indices into them (and its responses). */
    record Encoded(List<int[]> sequences, int[] winners, int[] losers, List<String> responses) {
    }

    private final RewardModel model;
    private final RewardConfig config;
    private final List<Encoded> train = new ArrayList<>();
    private final List<Encoded> val = new ArrayList<>();
    private final NDManager root;
    private final AdamW optimizer;
    private final int stepsPerEpoch;
    private int skippedIdentical;
    private int truncated;
    private int step;
    private double lastLoss = Double.NaN;

    /**
     * @throws IllegalArgumentException if no judgment has a usable pair
     */
    public RewardTrainer(RewardModel model, List<PreferenceGroup> groups, RewardConfig config) {
        this.model = model;
        this.config = config;
        List<Encoded> all = new ArrayList<>();
        for (PreferenceGroup g : groups) {
            Encoded e = encode(g);
            if (e != null) {
                all.add(e);
            }
        }
        if (all.isEmpty()) {
            throw new IllegalArgumentException("no usable preference pairs (" + skippedIdentical + " identical skipped)");
        }
        int[][] split = Shuffle.split(all.size(), config.valFraction(), config.seed());
        int[] kept = split[0];
        if (config.maxTrainJudgments() > 0 && kept.length > config.maxTrainJudgments()) {
            int[] pick = Arrays.copyOf(Shuffle.permutation(kept.length, config.seed(), -2), config.maxTrainJudgments());
            Arrays.sort(pick);
            kept = Arrays.stream(pick).map(i -> split[0][i]).toArray();
        }
        for (int i : kept) {
            train.add(all.get(i));
        }
        for (int i : split[1]) {
            val.add(all.get(i));
        }
        if (train.isEmpty()) {
            throw new IllegalArgumentException("no training judgments left after the validation split");
        }
        stepsPerEpoch = (train.size() + config.batchSize() - 1) / config.batchSize();
        root = NDManager.newBaseManager(model.device());
        optimizer = new AdamW(model.parameters(), root);
    }

    private @Nullable Encoded encode(PreferenceGroup g) {
        List<int[]> seqs = new ArrayList<>();
        int limit = config.maxLength() == 0 ? model.contextLength() : Math.min(config.maxLength(), model.contextLength());
        for (String r : g.responses()) {
            RewardModel.Sequence f = model.encode(g.prompt(), r, limit);
            truncated += f.truncated() ? 1 : 0;
            seqs.add(f.tokens());
        }
        List<int[]> pairs = new ArrayList<>();
        for (PreferenceGroup.Preference p : g.preferences()) {
            if (g.responses().get(p.winner()).equals(g.responses().get(p.loser()))) {
                skippedIdentical++;
            } else {
                pairs.add(new int[] {p.winner(), p.loser()});
            }
        }
        if (pairs.isEmpty()) {
            return null;
        }
        return new Encoded(seqs, pairs.stream().mapToInt(p -> p[0]).toArray(), pairs.stream().mapToInt(p -> p[1]).toArray(),
                g.responses());
    }

    public int step() {
        return step;
    }

    public int totalSteps() {
        return stepsPerEpoch * config.epochs();
    }

    /** Flattens judgments into one forward: sequences, and winners/losers/group ids over them. */
    private record Flat(List<int[]> sequences, int[] winners, int[] losers, int[] groups) {
        static Flat of(List<Encoded> batch) {
            List<int[]> seqs = new ArrayList<>();
            List<int[]> pairs = new ArrayList<>();
            for (int g = 0; g < batch.size(); g++) {
                Encoded e = batch.get(g);
                int offset = seqs.size();
                seqs.addAll(e.sequences());
                for (int i = 0; i < e.winners().length; i++) {
                    pairs.add(new int[] {offset + e.winners()[i], offset + e.losers()[i], g});
                }
            }
            return new Flat(seqs, pairs.stream().mapToInt(p -> p[0]).toArray(),
                    pairs.stream().mapToInt(p -> p[1]).toArray(), pairs.stream().mapToInt(p -> p[2]).toArray());
        }
    }

    private List<Encoded> batchAt(int s) {
        int[] order = Shuffle.permutation(train.size(), config.seed(), s / stepsPerEpoch);
        int from = (s % stepsPerEpoch) * config.batchSize();
        List<Encoded> out = new ArrayList<>();
        for (int i = from; i < Math.min(from + config.batchSize(), order.length); i++) {
            out.add(train.get(order[i]));
        }
        return out;
    }

    /** One optimizer step; returns its metrics. */
    public Map<String, Double> trainStep() {
        double lr = config.optim().lrAt(step, totalSteps());
        Flat flat = Flat.of(batchAt(step));
        float loss;
        float[] r;
        try (NDManager sm = root.newSubManager();
                GradientCollector collector = Engine.getEngine("PyTorch").newGradientCollector()) {
            NDArray rewards = model.rewards(sm, flat.sequences());
            NDArray l = BradleyTerryLoss.loss(rewards, flat.winners(), flat.losers(), flat.groups(), null,
                    (float) config.centeringCoefficient());
            loss = l.getFloat();
            r = rewards.stopGradient().toFloatArray();
            collector.backward(l);
        }
        if (!Float.isFinite(loss)) {
            throw new ArithmeticException("reward loss is " + loss + " at step " + (step + 1) + "; lower the learning rate");
        }
        float norm;
        try (NDManager sm = root.newSubManager()) {
            norm = config.optim().step(optimizer, lr, sm);
        }
        step++;
        lastLoss = loss;
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("loss", (double) loss);
        m.putAll(metrics(r, flat).asMap());
        m.put("lr", lr);
        m.put("grad_norm", (double) norm);
        return m;
    }

    private static RewardMetrics metrics(float[] r, Flat flat) {
        float[] c = new float[flat.winners().length];
        float[] l = new float[c.length];
        for (int i = 0; i < c.length; i++) {
            c[i] = r[flat.winners()[i]];
            l[i] = r[flat.losers()[i]];
        }
        return RewardMetrics.of(c, l);
    }

    /** Held-out metrics over every pair of the validation judgments. */
    public RewardMetrics evaluate() {
        return evaluate(val);
    }

    /**
     * The baseline "the longer response wins" (length in characters, ties half) on the same
     * held-out pairs as {@link #evaluate()}: a reward model is worth its cost only above it.
     */
    public RewardMetrics heldOutLongerWins() {
        List<Float> chosen = new ArrayList<>();
        List<Float> rejected = new ArrayList<>();
        for (Encoded e : val) {
            for (int i = 0; i < e.winners().length; i++) {
                chosen.add((float) e.responses().get(e.winners()[i]).length());
                rejected.add((float) e.responses().get(e.losers()[i]).length());
            }
        }
        return RewardMetrics.of(toArray(chosen), toArray(rejected));
    }

    /** Training judgments used (after the split and {@link RewardConfig#maxTrainJudgments()}). */
    public int trainJudgments() {
        return train.size();
    }

    private static float[] toArray(List<Float> xs) {
        float[] out = new float[xs.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = xs.get(i);
        }
        return out;
    }

    RewardMetrics evaluate(List<Encoded> groups) {
        List<Float> chosen = new ArrayList<>();
        List<Float> rejected = new ArrayList<>();
        try (NoGrad off = NoGrad.enter()) {
            for (int from = 0; from < groups.size(); from += config.batchSize()) {
                Flat flat = Flat.of(groups.subList(from, Math.min(from + config.batchSize(), groups.size())));
                try (NDManager sm = root.newSubManager()) {
                    float[] r = model.rewards(sm, flat.sequences()).toFloatArray();
                    for (int i = 0; i < flat.winners().length; i++) {
                        chosen.add(r[flat.winners()[i]]);
                        rejected.add(r[flat.losers()[i]]);
                    }
                }
            }
        }
        return RewardMetrics.of(toArray(chosen), toArray(rejected));
    }

    /** Trains every epoch unless cancelled (checked before each step); evaluates as configured. */
    public RewardResult run(AlignListener listener, BooleanSupplier cancel) {
        boolean cancelled = StepLoop.run(() -> step, totalSteps(), () -> {
            Map<String, Double> m = trainStep();
            m.put("skipped_identical", (double) skippedIdentical);
            m.put("truncated", (double) truncated);
            return m;
        }, config.evalInterval(), () -> prefixed(evaluate()), listener, cancel);
        RewardMetrics held = val.isEmpty() || cancelled ? RewardMetrics.of(new float[0], new float[0]) : evaluate();
        if (!cancelled && !val.isEmpty()) {
            listener.onEval(step, prefixed(held));
        }
        return new RewardResult(step, lastLoss, held, cancelled, skippedIdentical, truncated);
    }

    private static Map<String, Double> prefixed(RewardMetrics m) {
        Map<String, Double> out = new LinkedHashMap<>();
        m.asMap().forEach((k, v) -> out.put("eval_" + k, v));
        return out;
    }

    /** Saves the reward model with optimizer moments and step (a reward checkpoint). */
    public void save(Path dir) throws IOException {
        // The model adds its own kind ("reward") and backbone.
        model.save(dir, optimizer.state(), optimizer.step(), TrainerState.of(null, step, optimizer.step(), config));
    }

    /** Continues from {@link #save}; the model must have been loaded from the same folder. */
    public void restore(Path dir) throws IOException {
        JsonNode state = AlignCheckpoints.state(dir);
        if (!state.has("optimizerStep")) {
            throw new IllegalArgumentException(dir + " holds no reward-model training state");
        }
        try (NDManager scratch = NDManager.newBaseManager(model.device())) {
            optimizer.load(AlignCheckpoints.tensors(dir, AlignCheckpoints.OPTIMIZER, scratch),
                    state.get("optimizerStep").asLong());
        }
        step = state.get("step").asInt();
    }

    @Override
    public void close() {
        root.close();
    }
}
