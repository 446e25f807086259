package dev.pairwise.loopdemo;

import ai.djl.Device;
import dev.pairwise.policy.align.AlignListener;
import dev.pairwise.policy.align.ChatTokens;
import dev.pairwise.policy.align.Optim;
import dev.pairwise.policy.data.pairs.PreferenceGroup;
import dev.pairwise.policy.data.pairs.Turn;
import dev.pairwise.policy.io.Json;
import dev.pairwise.policy.synthetic.SimulatedLabeler;
import dev.pairwise.policy.synthetic.SyntheticTask;
import dev.pairwise.rewardmodel.RewardConfig;
import dev.pairwise.rewardmodel.RewardMargin;
import dev.pairwise.rewardmodel.RewardMetrics;
import dev.pairwise.rewardmodel.RewardModel;
import dev.pairwise.rewardmodel.RewardTrainer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import tools.jackson.databind.node.ObjectNode;

/**
 * Uncertainty-first routing against FIFO on the synthetic loop: the reward
 * model's accuracy on the same held-out pairs at equal label budgets. After pretraining and SFT
 * (once, shared by both routings), K = 4 responses are sampled for every training prompt (the
 * pool) and every prompt's simulated judgment is drawn up front, so both routings see the same
 * label for a prompt and differ only in which prompts they reveal. FIFO labels the pool in order;
 * UNCERTAINTY labels the first budget in order, trains a reward model, then labels the unlabelled
 * prompts with the smallest reward margin ({@link RewardMargin}) up to the next budget, retrains,
 * and so on. Each reward model trains afresh from the SFT weights with the size's settings; the
 * held-out pairs come from the held-out prompts, ranked by the oracle without noise.
 */
public final class RoutingComparison {

    /** One reward model: the routing that chose its labels, the budget, and its held-out accuracy. */
    public record Point(String routing, int budget, int judgments, double accuracy) {
    }

    /** Every point of one seed, and the held-out pairs they were measured on. */
    public record Result(String size, long seed, int pool, int heldOutPairs, List<Point> points, double seconds) {

        /** One JSON line per point. */
        public List<String> toJsonLines() {
            List<String> out = new ArrayList<>();
            for (Point p : points) {
                ObjectNode o = Json.object();
                o.put("size", size);
                o.put("seed", seed);
                o.put("routing", p.routing());
                o.put("budget", p.budget());
                o.put("judgments", p.judgments());
                o.put("rm_heldout_accuracy", Math.round(p.accuracy() * 10000) / 10000.0);
                o.put("heldout_pairs", heldOutPairs);
                o.put("pool", pool);
                o.put("seconds", Math.round(seconds));
                out.add(Json.compact(o));
            }
            return out;
        }
    }

    private RoutingComparison() {
    }

    /**
     * Checks and sorts the budgets: at least one, each positive and at most the pool.
     *
     * @throws IllegalArgumentException naming the bad budget
     */
    public static int[] budgets(List<Integer> budgets, int pool) {
        if (budgets.isEmpty()) {
            throw new IllegalArgumentException("--budgets needs at least one budget");
        }
        int[] b = budgets.stream().mapToInt(Integer::intValue).sorted().distinct().toArray();
        if (b[0] <= 0 || b[b.length - 1] > pool) {
            throw new IllegalArgumentException("budgets must be in 1.." + pool + " (the training prompts), got " + budgets);
        }
        return b;
    }

    /** The routings to measure, as {@code --routing} names them. */
    public enum Routings {
        FIFO, UNCERTAINTY, BOTH;

        public static Routings named(String name) {
            try {
                return valueOf(name.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--routing must be fifo, uncertainty or both, got '" + name + "'");
            }
        }
    }

    /**
     * Runs the chosen routings at every budget on one seed, measuring against the held-out
     * prompts ranked by the oracle without noise.
     */
    public static Result run(LoopDemo.Size size, LoopDemo.Knobs knobs, long seed, int[] budgets, Routings routings,
            Device device, Consumer<String> sink) {
        return run(size, knobs, seed, budgets, routings, 0, device, sink);
    }

    /**
     * As above with noise on the held-out ranking ({@code heldOutNoise} > 0 gives pairs even where
     * every sample is equally wrong: the toy test's untrained model).
     */
    static Result run(LoopDemo.Size size, LoopDemo.Knobs knobs, long seed, int[] budgets, Routings routings,
            double heldOutNoise, Device device, Consumer<String> sink) {
        long t0 = System.nanoTime();
        Consumer<String> log = LoopDemo.timed(sink, t0);
        try (LoopDemo.Sft trained = LoopDemo.pretrainAndSft(size, knobs, seed, device, log)) {
            List<SyntheticTask> pool = trained.tasks().train();
            List<List<String>> poolSamples = LoopDemo.sampleK(trained.policy(), trained.chat(), pool, seed + 2);
            // Every prompt's judgment drawn once, in pool order, as LoopDemo draws them.
            SimulatedLabeler labeler = new SimulatedLabeler(knobs.labelNoise(), 0);
            Random rng = new Random(seed + 3);
            List<Optional<PreferenceGroup>> labels = new ArrayList<>();
            for (int i = 0; i < pool.size(); i++) {
                labels.add(labeler.judge(pool.get(i), poolSamples.get(i), rng));
            }
            List<PreferenceGroup> heldOut = heldOutGroups(trained, heldOutNoise, seed);
            int heldOutPairs = heldOut.stream().mapToInt(g -> g.preferences().size()).sum();
            log.accept("pool " + pool.size() + " prompts; held-out " + heldOut.size() + " judgments, " + heldOutPairs
                    + " pairs");

            List<Point> points = new ArrayList<>();
            // UNCERTAINTY: the first budget in order, then the smallest margins of the latest model.
            List<Integer> chosen = new ArrayList<>(IntStream.range(0, budgets[0]).boxed().toList());
            List<List<Double>> margins = new ArrayList<>();
            for (int k = 0; routings != Routings.FIFO && k < budgets.length; k++) {
                boolean last = k == budgets.length - 1;
                List<Integer> unlabelled = unlabelled(pool.size(), chosen);
                margins.clear();
                points.add(measure("uncertainty", budgets[k], chosen, labels, heldOut, trained, knobs, seed,
                        last ? null : rm -> margins.add(RewardMargin.of(rm, prompts(pool, unlabelled),
                                unlabelled.stream().map(poolSamples::get).toList())),
                        log));
                if (!last) {
                    chosen.addAll(smallestMargins(unlabelled, margins.getFirst(), budgets[k + 1] - budgets[k]));
                }
            }
            // FIFO: the first b prompts. At the first budget both routings hold the same labels, so
            // the same (seeded) reward model: it is not trained twice.
            int from = 0;
            if (routings == Routings.BOTH) {
                Point first = points.getFirst();
                points.add(new Point("fifo", first.budget(), first.judgments(), first.accuracy()));
                from = 1;
            }
            for (int k = from; routings != Routings.UNCERTAINTY && k < budgets.length; k++) {
                List<Integer> fifo = IntStream.range(0, budgets[k]).boxed().toList();
                points.add(measure("fifo", budgets[k], fifo, labels, heldOut, trained, knobs, seed, null, log));
            }
            return new Result(size.name(), seed, pool.size(), heldOutPairs, points, (System.nanoTime() - t0) / 1e9);
        }
    }

    /**
     * The {@code n} unlabelled prompts with the smallest margins (ties and prompts without a
     * margin in pool order, the latter last), as the app's UNCERTAINTY routing orders tasks.
     */
    static List<Integer> smallestMargins(List<Integer> unlabelled, List<Double> margins, int n) {
        Integer[] idx = IntStream.range(0, unlabelled.size()).boxed().toArray(Integer[]::new);
        Arrays.sort(idx, Comparator.comparing((Integer i) -> margins.get(i) == null)
                .thenComparing(i -> margins.get(i) == null ? 0.0 : margins.get(i))
                .thenComparing(i -> unlabelled.get(i)));
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < Math.min(n, idx.length); i++) {
            out.add(unlabelled.get(idx[i]));
        }
        return out;
    }

    private static List<Integer> unlabelled(int pool, List<Integer> chosen) {
        boolean[] taken = new boolean[pool];
        chosen.forEach(i -> taken[i] = true);
        return IntStream.range(0, pool).filter(i -> !taken[i]).boxed().toList();
    }

    private static List<List<Turn>> prompts(List<SyntheticTask> pool, List<Integer> which) {
        return which.stream().map(i -> Turn.user(pool.get(i).prompt())).toList();
    }

    /** The held-out prompts' K = 4 samples ranked by the oracle (without noise: the truth to measure against). */
    private static List<PreferenceGroup> heldOutGroups(LoopDemo.Sft trained, double noise, long seed) {
        List<SyntheticTask> tasks = trained.tasks().heldOut();
        List<List<String>> samples = LoopDemo.sampleK(trained.policy(), trained.chat(), tasks, seed + 5);
        SimulatedLabeler oracle = new SimulatedLabeler(noise, 0);
        Random rng = new Random(seed + 6);
        List<PreferenceGroup> out = new ArrayList<>();
        for (int i = 0; i < tasks.size(); i++) {
            // identical texts tie under the oracle, so no pair compares a text with itself
            oracle.judge(tasks.get(i), samples.get(i), rng).ifPresent(out::add);
        }
        return out;
    }

    /** Trains a reward model on the chosen prompts' judgments; {@code beforeClose} sees the model (for margins). */
    private static Point measure(String routing, int budget, List<Integer> chosen, List<Optional<PreferenceGroup>> labels,
            List<PreferenceGroup> heldOut, LoopDemo.Sft trained, LoopDemo.Knobs knobs, long seed,
            Consumer<RewardModel> beforeClose, Consumer<String> log) {
        List<PreferenceGroup> groups = new ArrayList<>();
        chosen.forEach(i -> labels.get(i).ifPresent(groups::add));
        ChatTokens chat = trained.chat();
        try (RewardModel rm = RewardModel.fresh(LoopDemo.copy(trained.policy()), chat, seed)) {
            RewardConfig rc = new RewardConfig(knobs.rmEpochs(), 8, Optim.of(knobs.rmLr()), 0, 0.01, 0.0, 0, seed);
            try (RewardTrainer t = new RewardTrainer(rm, groups, rc)) {
                t.run(AlignListener.NONE, () -> false);
            }
            double accuracy = accuracy(rm, heldOut);
            log.accept(String.format(Locale.ROOT, "%s budget %d: %d judgments, held-out accuracy %.4f", routing, budget,
                    groups.size(), accuracy));
            if (beforeClose != null) {
                beforeClose.accept(rm);
            }
            return new Point(routing, budget, groups.size(), accuracy);
        }
    }

    /** Accuracy over every pair of the held-out judgments; ties count half. */
    static double accuracy(RewardModel rm, List<PreferenceGroup> heldOut) {
        List<List<Turn>> prompts = new ArrayList<>();
        List<String> responses = new ArrayList<>();
        for (PreferenceGroup g : heldOut) {
            for (String r : g.responses()) {
                prompts.add(g.prompt());
                responses.add(r);
            }
        }
        float[] s = rm.score(prompts, responses);
        List<Float> chosen = new ArrayList<>();
        List<Float> rejected = new ArrayList<>();
        int at = 0;
        for (PreferenceGroup g : heldOut) {
            for (PreferenceGroup.Preference p : g.preferences()) {
                chosen.add(s[at + p.winner()]);
                rejected.add(s[at + p.loser()]);
            }
            at += g.responses().size();
        }
        float[] c = new float[chosen.size()];
        float[] r = new float[rejected.size()];
        for (int i = 0; i < c.length; i++) {
            c[i] = chosen.get(i);
            r[i] = rejected.get(i);
        }
        return RewardMetrics.of(c, r).accuracy();
    }
}
