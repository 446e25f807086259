/*
 * Supervised fine-tuning (InstructGPT §3.5, Ouyang et al. 2022): next-token cross-entropy on the
 * demonstrations rendered with the chat template, averaged over response tokens only (the prompt
 * is read, not learned; Alpaca's IGNORE_INDEX, TRL's completion_only_loss). Optional packing of
 * several examples per row (TRL) and LoRA (Hu et al. 2021). One loop, readable top to bottom;
 * each step in its own NDManager; batches a function of (seed, step) for an exact resume.
 */
package dev.pairwise.policy.sft;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import dev.pairwise.policy.align.AlignCheckpoints;
import dev.pairwise.policy.align.TrainerState;
import dev.pairwise.policy.align.AlignListener;
import dev.pairwise.policy.align.ChatTokens;
import dev.pairwise.policy.align.Shuffle;
import dev.pairwise.policy.align.StepLoop;
import dev.pairwise.policy.align.TokenLosses;
import dev.pairwise.policy.align.TokenRows;
import dev.pairwise.policy.data.pairs.SftExample;
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

/** Fine-tunes a {@link GptModel} (not owned) on demonstrations; one instance per run, one thread. */
public final class SftTrainer implements AutoCloseable {

    static final String KIND = "sft";

    private final GptModel model;
    private final ChatTokens chat;
    private final SftConfig config;
    private final List<TokenRows.Row> train;
    private final List<TokenRows.Row> val;
    private final int truncated;
    private final NDManager root;
    private final @Nullable LoraAdapters lora;
    private final AdamW optimizer;
    private final int stepsPerEpoch;
    private int step;
    private double lastLoss = Double.NaN;

    /**
     * @throws IllegalArgumentException if there are no usable examples
     */
    public SftTrainer(GptModel model, ChatTokens chat, List<SftExample> examples, SftConfig config) {
        if (examples.isEmpty()) {
            throw new IllegalArgumentException("no SFT examples");
        }
        this.model = model;
        this.chat = chat;
        this.config = config;
        int maxLength = config.maxLength() == 0 ? model.config().contextLength()
                : Math.min(config.maxLength(), model.config().contextLength());
        List<TokenRows.Row> rows = new ArrayList<>();
        int cut = 0;
        for (SftExample e : examples) {
            ChatTokens.Fitted f = ChatTokens.fit(chat.prompt(e.prompt()), chat.response(e.completion()), maxLength, 1);
            cut += f.truncated() ? 1 : 0;
            rows.add(TokenRows.Row.of(f));
        }
        this.truncated = cut;
        int[][] split = Shuffle.split(rows.size(), config.valFraction(), config.seed());
        List<TokenRows.Row> t = pick(rows, split[0]);
        this.train = config.packing() ? TokenRows.pack(t, maxLength) : t;
        this.val = pick(rows, split[1]);
        if (train.isEmpty()) {
            throw new IllegalArgumentException("no training examples left after the validation split");
        }
        this.stepsPerEpoch = (train.size() + config.batchSize() - 1) / config.batchSize();
        this.root = NDManager.newBaseManager(model.device());
        this.lora = config.lora() == null ? null : new LoraAdapters(model, config.lora(), config.seed());
        this.optimizer = new AdamW(lora == null ? model.parameters() : lora.parameters(), root);
    }

    private static List<TokenRows.Row> pick(List<TokenRows.Row> rows, int[] idx) {
        List<TokenRows.Row> out = new ArrayList<>(idx.length);
        for (int i : idx) {
            out.add(rows.get(i));
        }
        return out;
    }

    public int step() {
        return step;
    }

    public int totalSteps() {
        return stepsPerEpoch * config.epochs();
    }

    /** Examples whose prompt (or response tail) was cut to fit the context. */
    public int truncated() {
        return truncated;
    }

    private List<TokenRows.Row> batchAt(int s) {
        int epoch = s / stepsPerEpoch;
        int[] order = Shuffle.permutation(train.size(), config.seed(), epoch);
        int from = (s % stepsPerEpoch) * config.batchSize();
        List<TokenRows.Row> rows = new ArrayList<>();
        for (int i = from; i < Math.min(from + config.batchSize(), order.length); i++) {
            rows.add(train.get(order[i]));
        }
        return rows;
    }

    /** One optimizer step; returns its metrics ({@code loss}, {@code lr}, {@code grad_norm}). */
    public Map<String, Double> trainStep() {
        double lr = config.optim().lrAt(step, totalSteps());
        float loss;
        try (NDManager sm = root.newSubManager()) {
            NDList b = TokenRows.batch(sm, batchAt(step), chat.padId());
            try (GradientCollector collector = Engine.getEngine("PyTorch").newGradientCollector()) {
                NDArray l = TokenLosses.maskedCrossEntropy(model.forward(b.get(0)), b.get(1), b.get(2));
                loss = l.getFloat();
                collector.backward(l);
            }
        }
        if (!Float.isFinite(loss)) {
            throw new ArithmeticException("SFT loss is " + loss + " at step " + (step + 1) + "; lower the learning rate");
        }
        float norm = config.optim().step(optimizer, lora, lr, root);
        step++;
        lastLoss = loss;
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("loss", (double) loss);
        m.put("lr", lr);
        m.put("grad_norm", (double) norm);
        m.put("epoch", (double) step / stepsPerEpoch);
        return m;
    }

    /** Response-token loss on the held-out examples (NaN when there are none), without gradients. */
    public double evaluate() {
        if (val.isEmpty()) {
            return Double.NaN;
        }
        double sum = 0;
        double count = 0;
        try (NoGrad off = NoGrad.enter()) {
            for (int from = 0; from < val.size(); from += config.batchSize()) {
                try (NDManager sm = root.newSubManager()) {
                    NDList b = TokenRows.batch(sm, val.subList(from, Math.min(from + config.batchSize(), val.size())),
                            chat.padId());
                    NDArray mask = b.get(2);
                    float n = mask.sum().getFloat();
                    sum += TokenLosses.maskedCrossEntropy(model.forward(b.get(0)), b.get(1), mask).getFloat() * n;
                    count += n;
                }
            }
        }
        return sum / count;
    }

    /**
     * Trains until every epoch is done or {@code cancel} answers true (checked before each step),
     * evaluating every {@code evalInterval} steps and at the end.
     */
    public SftResult run(AlignListener listener, BooleanSupplier cancel) {
        boolean cancelled = StepLoop.run(() -> step, totalSteps(), () -> {
            Map<String, Double> m = trainStep();
            m.put("truncated", (double) truncated);
            return m;
        }, config.evalInterval(), () -> Map.of("eval_loss", evaluate()), listener, cancel);
        double valLoss = cancelled ? Double.NaN : evaluate();
        if (!cancelled) {
            listener.onEval(step, Map.of("eval_loss", valLoss));
        }
        return new SftResult(step, lastLoss, valLoss, cancelled, truncated);
    }

    /** Saves the model (LoRA merged or not, per its config), adapters, optimizer and step. */
    public void save(Path dir) throws IOException {
        ObjectNode state = TrainerState.of(KIND, step, optimizer.step(), config);
        Map<String, Map<String, NDArray>> extra = new LinkedHashMap<>();
        if (lora != null) {
            extra.put(AlignCheckpoints.ADAPTER, TrainerState.adapterTensors(lora));
            state.put("loraMerged", lora.config().merge());
        }
        if (lora != null && !lora.config().merge()) {
            // The model file holds the base weights; the adapter file holds A and B.
            try (NoGrad off = NoGrad.enter()) {
                lora.baseWeights().forEach((name, w) -> NativeArrays.copyInto(model.parameters().get(name), w));
            }
            try {
                AlignCheckpoints.save(dir, model, chat.tokenizer(), optimizer.state(), optimizer.step(), state, extra);
            } finally {
                lora.apply();
            }
        } else {
            AlignCheckpoints.save(dir, model, chat.tokenizer(), optimizer.state(), optimizer.step(), state, extra);
        }
    }

    /** Continues from a checkpoint written by {@link #save}; the model must hold its weights. */
    public void restore(Path dir) throws IOException {
        step = TrainerState.restoreFineTuning(dir, KIND, "SFT", model.device(), lora, optimizer).get("step").asInt();
    }

    @Override
    public void close() {
        if (lora != null) {
            lora.close();
        }
        root.close();
    }
}
