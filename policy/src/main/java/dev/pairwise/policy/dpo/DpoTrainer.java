/*
 * Direct Preference Optimization (Rafailov et al. 2023): the policy is trained directly on
 * preference pairs with the loss of DpoLoss against a frozen reference (the SFT model). The
 * reference log-probabilities are computed once, before training, outside any gradient (the
 * reference is frozen, so they never change), and the reference model can be closed afterwards.
 * Chosen and rejected go through the policy in one forward of 2B rows. IPO uses log-probs
 * averaged over response tokens, as TRL does. Optional LoRA (Hu et al. 2021).
 */
package dev.pairwise.policy.dpo;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import dev.pairwise.policy.align.AlignCheckpoints;
import dev.pairwise.policy.align.TrainerState;
import dev.pairwise.policy.align.AlignListener;
import dev.pairwise.policy.align.ChatTokens;
import dev.pairwise.policy.align.DpoLoss;
import dev.pairwise.policy.align.DpoLossType;
import dev.pairwise.policy.align.Shuffle;
import dev.pairwise.policy.align.StepLoop;
import dev.pairwise.policy.align.TokenLosses;
import dev.pairwise.policy.align.TokenRows;
import dev.pairwise.policy.data.pairs.PreferencePair;
import dev.pairwise.policy.lora.LoraAdapters;
import dev.pairwise.policy.model.GptModel;
import dev.pairwise.policy.model.NoGrad;
import dev.pairwise.policy.train.AdamW;
import org.jspecify.annotations.Nullable;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import dev.pairwise.policy.model.NativeArrays;
import tools.jackson.databind.node.ObjectNode;

/** Trains a policy (not owned) with DPO; one instance per run, used from one thread. */
public final class DpoTrainer implements AutoCloseable {

    static final String KIND = "dpo";

    /** A pair as rows, with the reference's log-probs of both sides. */
    private record Encoded(TokenRows.Row chosen, TokenRows.Row rejected, float refChosen, float refRejected) {
    }

    private final GptModel policy;
    private final ChatTokens chat;
    private final DpoConfig config;
    private final List<Encoded> train = new ArrayList<>();
    private final List<Encoded> val = new ArrayList<>();
    private final NDManager root;
    private final @Nullable LoraAdapters lora;
    private final AdamW optimizer;
    private final int stepsPerEpoch;
    private int skippedIdentical;
    private int truncated;
    private int step;
    private double lastLoss = Double.NaN;

    /**
     * @param reference the frozen reference (usually the SFT policy); read here once, not kept
     * @throws IllegalArgumentException if no usable pair remains
     */
    public DpoTrainer(GptModel policy, GptModel reference, ChatTokens chat, List<PreferencePair> pairs,
            DpoConfig config) {
        if (policy == reference) {
            throw new IllegalArgumentException("policy and reference must be separate models (load the checkpoint twice)");
        }
        this.policy = policy;
        this.chat = chat;
        this.config = config;
        this.root = NDManager.newBaseManager(policy.device());
        int limit = config.maxLength() == 0 ? policy.config().contextLength()
                : Math.min(config.maxLength(), policy.config().contextLength());
        List<TokenRows.Row[]> rows = new ArrayList<>();
        for (PreferencePair p : pairs) {
            if (p.chosen().equals(p.rejected())) {
                skippedIdentical++;
                continue;
            }
            int[] prompt = chat.prompt(p.prompt());
            ChatTokens.Fitted c = ChatTokens.fit(prompt, chat.response(p.chosen()), limit, 1);
            ChatTokens.Fitted r = ChatTokens.fit(prompt, chat.response(p.rejected()), limit, 1);
            truncated += c.truncated() || r.truncated() ? 1 : 0;
            rows.add(new TokenRows.Row[] {TokenRows.Row.of(c), TokenRows.Row.of(r)});
        }
        if (rows.isEmpty()) {
            root.close();
            throw new IllegalArgumentException("no usable preference pairs (" + skippedIdentical + " identical skipped)");
        }
        float[][] ref = referenceLogProbs(reference, rows);
        List<Encoded> all = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            all.add(new Encoded(rows.get(i)[0], rows.get(i)[1], ref[i][0], ref[i][1]));
        }
        int[][] split = Shuffle.split(all.size(), config.valFraction(), config.seed());
        for (int i : split[0]) {
            train.add(all.get(i));
        }
        for (int i : split[1]) {
            val.add(all.get(i));
        }
        this.stepsPerEpoch = (train.size() + config.batchSize() - 1) / config.batchSize();
        this.lora = config.lora() == null ? null : new LoraAdapters(policy, config.lora(), config.seed());
        this.optimizer = new AdamW(lora == null ? policy.parameters() : lora.parameters(), root);
    }

    private float[][] referenceLogProbs(GptModel reference, List<TokenRows.Row[]> rows) {
        float[][] out = new float[rows.size()][2];
        try (NoGrad off = NoGrad.enter()) {
            for (int from = 0; from < rows.size(); from += config.batchSize()) {
                List<TokenRows.Row[]> slice = rows.subList(from, Math.min(from + config.batchSize(), rows.size()));
                try (NDManager sm = root.newSubManager()) {
                    float[] lp = logProbs(reference, sm, slice).toFloatArray();
                    for (int i = 0; i < slice.size(); i++) {
                        out[from + i][0] = lp[i];
                        out[from + i][1] = lp[slice.size() + i];
                    }
                }
            }
        }
        return out;
    }

    /** Log-probs {@code [2B]} of chosen rows then rejected rows (token mean for IPO). */
    private NDArray logProbs(GptModel model, NDManager sm, List<TokenRows.Row[]> pairs) {
        List<TokenRows.Row> rows = new ArrayList<>();
        pairs.forEach(p -> rows.add(p[0]));
        pairs.forEach(p -> rows.add(p[1]));
        NDList b = TokenRows.batch(sm, rows, chat.padId());
        NDArray lp = TokenLosses.sequenceLogProbs(model.forward(b.get(0)), b.get(1), b.get(2));
        return config.lossType() == DpoLossType.IPO ? lp.div(b.get(2).sum(new int[] {1})) : lp;
    }

    public int step() {
        return step;
    }

    public int totalSteps() {
        return stepsPerEpoch * config.epochs();
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

    /** Loss and TRL metrics of a batch; records a graph when inside a collector. */
    private Map.Entry<NDArray, Map<String, Double>> forward(NDManager sm, List<Encoded> batch) {
        int n = batch.size();
        NDArray lp = logProbs(policy, sm, batch.stream().map(e -> new TokenRows.Row[] {e.chosen(), e.rejected()}).toList());
        NDArray pc = lp.get("0:" + n);
        NDArray pr = lp.get(n + ":");
        float[] rc = new float[n];
        float[] rr = new float[n];
        for (int i = 0; i < n; i++) {
            rc[i] = batch.get(i).refChosen();
            rr[i] = batch.get(i).refRejected();
        }
        DpoLoss.Output out = DpoLoss.compute(pc, pr, NativeArrays.of(sm, rc), NativeArrays.of(sm, rr), (float) config.beta(),
                config.lossType(), (float) config.labelSmoothing());
        Map<String, Double> m = new LinkedHashMap<>();
        NDArray loss = out.loss();
        m.put("loss", (double) loss.getFloat());
        m.putAll(DpoLoss.metrics(out, pc, pr));
        return Map.entry(loss, m);
    }

    /** One optimizer step; returns its metrics (loss, TRL's rewards/* and logps/*, lr, grad_norm). */
    public Map<String, Double> trainStep() {
        double lr = config.optim().lrAt(step, totalSteps());
        Map<String, Double> m;
        try (NDManager sm = root.newSubManager();
                GradientCollector collector = Engine.getEngine("PyTorch").newGradientCollector()) {
            Map.Entry<NDArray, Map<String, Double>> f = forward(sm, batchAt(step));
            m = f.getValue();
            collector.backward(f.getKey());
        }
        if (!Double.isFinite(m.get("loss"))) {
            throw new ArithmeticException("DPO loss is " + m.get("loss") + " at step " + (step + 1));
        }
        float norm = config.optim().step(optimizer, lora, lr, root);
        step++;
        lastLoss = m.get("loss");
        m.put("lr", lr);
        m.put("grad_norm", (double) norm);
        return m;
    }

    /** Held-out metrics, means over the validation pairs, prefixed {@code eval_}; empty without any. */
    public Map<String, Double> evaluate() {
        Map<String, Double> sums = new LinkedHashMap<>();
        if (val.isEmpty()) {
            return sums;
        }
        try (NoGrad off = NoGrad.enter()) {
            for (int from = 0; from < val.size(); from += config.batchSize()) {
                List<Encoded> slice = val.subList(from, Math.min(from + config.batchSize(), val.size()));
                try (NDManager sm = root.newSubManager()) {
                    forward(sm, slice).getValue().forEach((k, v) -> sums.merge("eval_" + k, v * slice.size(), Double::sum));
                }
            }
        }
        sums.replaceAll((k, v) -> v / val.size());
        return sums;
    }

    /** Trains every epoch unless cancelled (checked before each step); evaluates as configured. */
    public DpoResult run(AlignListener listener, BooleanSupplier cancel) {
        boolean cancelled = StepLoop.run(() -> step, totalSteps(), () -> {
            Map<String, Double> m = trainStep();
            m.put("skipped_identical", (double) skippedIdentical);
            m.put("truncated", (double) truncated);
            return m;
        }, config.evalInterval(), this::evaluate, listener, cancel);
        Map<String, Double> eval = cancelled ? Map.of() : evaluate();
        if (!eval.isEmpty()) {
            listener.onEval(step, eval);
        }
        return new DpoResult(step, lastLoss, eval, cancelled, skippedIdentical, truncated);
    }

    /** Saves the policy (LoRA merged), adapters, optimizer and step. */
    public void save(Path dir) throws IOException {
        ObjectNode state = TrainerState.of(KIND, step, optimizer.step(), config);
        Map<String, Map<String, NDArray>> extra = new LinkedHashMap<>();
        if (lora != null) {
            extra.put(AlignCheckpoints.ADAPTER, TrainerState.adapterTensors(lora));
        }
        AlignCheckpoints.save(dir, policy, chat.tokenizer(), optimizer.state(), optimizer.step(), state, extra);
    }

    /** Continues from {@link #save}; the policy must hold the checkpoint's weights. */
    public void restore(Path dir) throws IOException {
        step = TrainerState.restoreFineTuning(dir, KIND, "DPO", policy.device(), lora, optimizer).get("step").asInt();
    }

    @Override
    public void close() {
        if (lora != null) {
            lora.close();
        }
        root.close();
    }
}
