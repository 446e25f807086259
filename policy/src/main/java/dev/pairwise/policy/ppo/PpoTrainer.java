/*
 * PPO for RLHF (Schulman et al. 2017; Ziegler et al. 2019; Ouyang et al. 2022), one round read
 * top to bottom: sample responses with the KV cache; score them with the reward function (the
 * reward model's score at the last token); per-token rewards with a KL penalty to the frozen
 * reference; GAE (Schulman et al. 2016) with the value head's estimates; whitened advantages;
 * several epochs of clipped policy and value updates over minibatches; then the KL controller
 * (adaptive as Ziegler et al., or fixed) moves β. Old log-probs, values and reference log-probs
 * are computed outside the gradient.
 */
package dev.pairwise.policy.ppo;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import dev.pairwise.policy.align.AlignCheckpoints;
import dev.pairwise.policy.align.TrainerState;
import dev.pairwise.policy.align.AlignListener;
import dev.pairwise.policy.align.ChatTokens;
import dev.pairwise.policy.align.Gae;
import dev.pairwise.policy.align.KlController;
import dev.pairwise.policy.align.PpoLoss;
import dev.pairwise.policy.align.RewardFunction;
import dev.pairwise.policy.align.Shuffle;
import dev.pairwise.policy.align.TokenLosses;
import dev.pairwise.policy.align.TokenRows;
import dev.pairwise.policy.align.Whitening;
import dev.pairwise.policy.data.pairs.Turn;
import dev.pairwise.policy.model.GptModel;
import dev.pairwise.policy.model.NoGrad;
import dev.pairwise.policy.sample.Sample;
import dev.pairwise.policy.sample.Sampler;
import dev.pairwise.policy.sample.SamplingConfig;
import dev.pairwise.policy.train.AdamW;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import dev.pairwise.policy.model.NativeArrays;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Trains a policy (not owned) against a reward function with PPO; one instance per run, one thread. */
public final class PpoTrainer implements AutoCloseable {

    static final String KIND = "ppo";
    static final String VALUE_HEAD = "value_head.safetensors";

    /** One sampled response with everything the updates need, per response token. */
    private record Rollout(TokenRows.Row row, int promptLength, float[] oldLogProbs, float[] oldValues,
            float[] advantages, float[] returns) {
        int responseLength() {
            return row.length() - promptLength;
        }
    }

    private final GptModel policy;
    private final GptModel reference;
    private final ChatTokens chat;
    private final RewardFunction reward;
    private final List<List<Turn>> prompts;
    private final List<int[]> promptIds = new ArrayList<>();
    private final PpoConfig config;
    private final NDManager root;
    private final ValueHead head;
    private final Map<String, NDArray> parameters = new LinkedHashMap<>();
    private final AdamW optimizer;
    private final KlController kl;
    private int truncated;
    private int iteration;

    /**
     * @param reference frozen reference policy (the SFT model), a separate instance
     * @param reward    the reward model, or any scorer (the synthetic oracle)
     */
    public PpoTrainer(GptModel policy, GptModel reference, ChatTokens chat, RewardFunction reward,
            List<List<Turn>> prompts, PpoConfig config) {
        if (policy == reference) {
            throw new IllegalArgumentException("policy and reference must be separate models (load the checkpoint twice)");
        }
        if (prompts.isEmpty()) {
            throw new IllegalArgumentException("no prompts to roll out");
        }
        int room = policy.config().contextLength() - config.maxNewTokens();
        if (room < 1) {
            throw new IllegalArgumentException("maxNewTokens " + config.maxNewTokens() + " leaves no room for a prompt in a "
                    + policy.config().contextLength() + "-token context");
        }
        this.policy = policy;
        this.reference = reference;
        this.chat = chat;
        this.reward = reward;
        this.prompts = List.copyOf(prompts);
        this.config = config;
        for (List<Turn> p : prompts) {
            int[] ids = chat.prompt(p);
            if (ids.length > room) {
                ids = Arrays.copyOfRange(ids, ids.length - room, ids.length);
                truncated++;
            }
            promptIds.add(ids);
        }
        this.root = NDManager.newBaseManager(policy.device());
        this.head = new ValueHead(policy.config().width(), policy.device());
        parameters.putAll(policy.parameters());
        parameters.putAll(head.parameters());
        this.optimizer = new AdamW(parameters, root);
        this.kl = config.newKlController();
    }

    public int iteration() {
        return iteration;
    }

    /** One round: rollouts, advantages, PPO epochs, KL update; returns the round's metrics. */
    public Map<String, Double> iterationStep() {
        int[] order = Shuffle.permutation(prompts.size(), config.seed(), iteration);
        List<Integer> chosen = new ArrayList<>();
        for (int i = 0; i < config.rolloutBatch(); i++) {
            chosen.add(order[i % order.length]);
        }
        // 1. Sample responses with the KV cache (outside the gradient).
        List<int[]> batchPrompts = chosen.stream().map(promptIds::get).toList();
        SamplingConfig sampling = new SamplingConfig(config.temperature(), 0, 1.0, config.maxNewTokens(),
                Set.of(chat.endId()), config.seed() * 1_000_003L + iteration);
        List<Sample> samples;
        try (NoGrad off = NoGrad.enter()) {
            samples = new Sampler(policy, chat.tokenizer()).sample(batchPrompts, 1, sampling);
        }
        // 2. Score them.
        float[] scores = reward.score(chosen.stream().map(prompts::get).toList(),
                samples.stream().map(s -> ChatTokens.cleanResponse(s.text())).toList());
        // 3. Old log-probs and values, reference log-probs; KL-penalised rewards; GAE.
        double beta = kl.value();
        List<TokenRows.Row> rows = new ArrayList<>();
        for (int i = 0; i < samples.size(); i++) {
            int[] p = batchPrompts.get(i);
            int[] r = samples.get(i).tokenIds();
            int[] t = Arrays.copyOf(p, p.length + r.length);
            System.arraycopy(r, 0, t, p.length, r.length);
            boolean[] learn = new boolean[t.length];
            Arrays.fill(learn, p.length, t.length, true);
            rows.add(new TokenRows.Row(t, learn));
        }
        List<float[]> oldLp = new ArrayList<>();
        List<float[]> oldV = new ArrayList<>();
        List<float[]> refLp = new ArrayList<>();
        try (NoGrad off = NoGrad.enter()) {
            for (int from = 0; from < rows.size(); from += config.miniBatch()) {
                List<TokenRows.Row> slice = rows.subList(from, Math.min(from + config.miniBatch(), rows.size()));
                try (NDManager sm = root.newSubManager()) {
                    NDList b = TokenRows.batch(sm, slice, chat.padId());
                    NDArray hidden = policy.forwardHidden(b.get(0));
                    oldLp.addAll(perRow(TokenLosses.tokenLogProbs(policy.logits(hidden), b.get(1)), slice));
                    oldV.addAll(perRow(head.values(hidden), slice));
                    refLp.addAll(perRow(TokenLosses.tokenLogProbs(reference.forward(b.get(0)), b.get(1)), slice));
                }
            }
        }
        List<float[]> advantages = new ArrayList<>();
        List<float[]> returns = new ArrayList<>();
        double klSum = 0;
        for (int i = 0; i < rows.size(); i++) {
            float[] rewards = Gae.klPenalisedRewards(scores[i], oldLp.get(i), refLp.get(i), (float) beta);
            Gae.Result g = Gae.compute(rewards, oldV.get(i), (float) config.gamma(), (float) config.lambda());
            advantages.add(g.advantages());
            returns.add(g.returns());
            for (int t = 0; t < oldLp.get(i).length; t++) {
                klSum += oldLp.get(i)[t] - refLp.get(i)[t];
            }
        }
        double explained = Whitening.explainedVariance(oldV, returns);
        if (config.whitenAdvantages()) {
            advantages = Whitening.whiten(advantages, true);
        }
        List<Rollout> rollouts = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            rollouts.add(new Rollout(rows.get(i), batchPrompts.get(i).length, oldLp.get(i), oldV.get(i),
                    advantages.get(i), returns.get(i)));
        }
        // 4. PPO epochs over minibatches.
        Map<String, Double> sums = new LinkedHashMap<>();
        int updates = 0;
        for (int epoch = 0; epoch < config.ppoEpochs(); epoch++) {
            int[] perm = Shuffle.permutation(rollouts.size(), config.seed() + 7919L * (iteration + 1), epoch);
            for (int from = 0; from < perm.length; from += config.miniBatch()) {
                List<Rollout> mb = new ArrayList<>();
                for (int i = from; i < from + config.miniBatch(); i++) {
                    mb.add(rollouts.get(perm[i]));
                }
                update(mb, config.optim().lrAt(iteration, config.iterations())).forEach((k, v) -> sums.merge(k, v, Double::sum));
                updates++;
            }
        }
        double meanKl = klSum / rows.size();
        kl.update(meanKl, rows.size());
        iteration++;
        Map<String, Double> m = new LinkedHashMap<>();
        double score = 0;
        for (float s : scores) {
            score += s;
        }
        m.put("score", score / scores.length);
        m.put("kl", meanKl);
        m.put("beta", beta);
        for (Map.Entry<String, Double> e : sums.entrySet()) {
            m.put(e.getKey(), e.getValue() / updates);
        }
        m.put("val/explained_variance", explained);
        m.put("response_length", rows.stream().mapToInt(TokenRows.Row::length).average().orElse(0)
                - batchPrompts.stream().mapToInt(p -> p.length).average().orElse(0));
        m.put("truncated", (double) truncated);
        return m;
    }

    /** Values of each row at its response positions (label positions promptLength−1 .. length−2). */
    private static List<float[]> perRow(NDArray bt, List<TokenRows.Row> rows) {
        float[] flat = bt.toFloatArray();
        int t = (int) bt.getShape().get(1);
        List<float[]> out = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            TokenRows.Row r = rows.get(i);
            int start = firstLearned(r) - 1;
            out.add(Arrays.copyOfRange(flat, i * t + start, i * t + r.length() - 1));
        }
        return out;
    }

    private static int firstLearned(TokenRows.Row r) {
        for (int i = 0; i < r.length(); i++) {
            if (r.learn()[i]) {
                return i;
            }
        }
        throw new IllegalStateException("row without response tokens");
    }

    /** One clipped policy + value update on a minibatch; returns its diagnostics. */
    private Map<String, Double> update(List<Rollout> mb, double lr) {
        Map<String, Double> m = new LinkedHashMap<>();
        try (NDManager sm = root.newSubManager()) {
            List<TokenRows.Row> rows = mb.stream().map(Rollout::row).toList();
            NDList b = TokenRows.batch(sm, rows, chat.padId());
            int t = (int) b.get(0).getShape().get(1);
            Shape shape = new Shape(mb.size(), t);
            NDArray adv = NativeArrays.of(sm, spread(mb, t, Rollout::advantages), shape);
            NDArray ret = NativeArrays.of(sm, spread(mb, t, Rollout::returns), shape);
            NDArray oldLp = NativeArrays.of(sm, spread(mb, t, Rollout::oldLogProbs), shape);
            NDArray oldV = NativeArrays.of(sm, spread(mb, t, Rollout::oldValues), shape);
            NDArray mask = b.get(2);
            try (GradientCollector collector = Engine.getEngine("PyTorch").newGradientCollector()) {
                NDArray hidden = policy.forwardHidden(b.get(0));
                NDArray logits = policy.logits(hidden);
                NDArray lp = TokenLosses.tokenLogProbs(logits, b.get(1));
                NDArray values = head.values(hidden);
                PpoLoss.PolicyTerms pg = PpoLoss.policy(lp, oldLp, adv, mask, (float) config.clipRange());
                NDArray vf = PpoLoss.value(values, oldV, ret, mask, (float) config.valueClipRange());
                NDArray loss = pg.loss().add(NativeArrays.mul(vf, config.vfCoef()));
                m.put("loss/policy", (double) pg.loss().getFloat());
                m.put("loss/value", (double) vf.getFloat());
                m.put("clipfrac", (double) pg.clipFraction());
                m.put("approxkl", (double) pg.approxKl());
                m.put("ratio", (double) pg.ratioMean());
                m.put("entropy", (double) TokenLosses.maskedMean(TokenLosses.entropy(logits.stopGradient()), mask)
                        .getFloat());
                collector.backward(loss);
            }
            float norm = config.optim().step(optimizer, lr, sm);
            m.put("grad_norm", (double) norm);
        }
        if (!Double.isFinite(m.get("loss/policy")) || !Double.isFinite(m.get("loss/value"))) {
            throw new ArithmeticException("PPO loss is not finite at iteration " + (iteration + 1) + ": " + m);
        }
        return m;
    }

    private static float[] spread(List<Rollout> mb, int t, java.util.function.Function<Rollout, float[]> field) {
        float[] out = new float[mb.size() * t];
        for (int i = 0; i < mb.size(); i++) {
            Rollout r = mb.get(i);
            System.arraycopy(field.apply(r), 0, out, i * t + r.promptLength() - 1, r.responseLength());
        }
        return out;
    }

    /** Runs every iteration unless cancelled (checked before each round). */
    public PpoResult run(AlignListener listener, BooleanSupplier cancel) {
        Map<String, Double> last = Map.of();
        boolean cancelled = false;
        while (iteration < config.iterations()) {
            if (cancel.getAsBoolean()) {
                cancelled = true;
                break;
            }
            last = iterationStep();
            listener.onStep(iteration, config.iterations(), last);
        }
        return new PpoResult(iteration, last, cancelled, truncated);
    }

    /** Saves the policy, its value head, optimizer moments, β and the round count. */
    public void save(Path dir) throws IOException {
        ObjectNode state = TrainerState.of(KIND, iteration, optimizer.step(), config);
        state.put("beta", kl.state());
        AlignCheckpoints.save(dir, policy, chat.tokenizer(), optimizer.state(), optimizer.step(), state,
                Map.of(VALUE_HEAD, head.parameters()));
    }

    /** Continues from {@link #save}; the policy must hold the checkpoint's weights. */
    public void restore(Path dir) throws IOException {
        JsonNode state = TrainerState.read(dir, KIND, "PPO");
        try (NDManager scratch = NDManager.newBaseManager(policy.device()); NoGrad off = NoGrad.enter()) {
            Map<String, NDArray> saved = AlignCheckpoints.tensors(dir, VALUE_HEAD, scratch);
            head.parameters().forEach((name, a) -> NativeArrays.copyInto(a, saved.get(name)));
            optimizer.load(AlignCheckpoints.tensors(dir, AlignCheckpoints.OPTIMIZER, scratch),
                    state.get("optimizerStep").asLong());
        }
        kl.restore(state.get("beta").asDouble());
        iteration = state.get("step").asInt();
    }

    @Override
    public void close() {
        head.close();
        root.close();
    }
}
