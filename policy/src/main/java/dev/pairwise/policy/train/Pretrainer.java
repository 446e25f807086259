/*
 * The pretraining loop, readable top to bottom as nanoGPT's train.py: pick the learning rate,
 * forward and backward each micro-batch (gradient accumulation), clip the global gradient norm,
 * take an AdamW step (Loshchilov & Hutter 2019), log, evaluate now and then. Every step runs in
 * its own NDManager so native memory stays flat; batches come from a counter-based generator so
 * a run resumed from a checkpoint repeats a straight run exactly.
 */
package dev.pairwise.policy.train;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import dev.pairwise.policy.data.TokenDataset;
import dev.pairwise.policy.model.GptModel;
import dev.pairwise.policy.model.NoGrad;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import dev.pairwise.policy.model.NativeArrays;

/**
 * Trains a {@link GptModel} (not owned: the caller closes it) on a {@link TokenDataset}. One
 * instance per run, used from one thread; DJL allows one gradient collector per JVM at a time.
 */
public final class Pretrainer implements AutoCloseable {

    /** Steps at the start of a session left out of the throughput figure (as the peer does). */
    public static final int TIMING_WARMUP = 10;

    private static final long STREAM_TRAIN = 0;
    private static final long STREAM_EVAL_TRAIN = 1;
    private static final long STREAM_EVAL_VAL = 2;

    private final GptModel model;
    private final TokenDataset data;
    private final TrainConfig config;
    private final NDManager root;
    private final AdamW optimizer;
    private final List<StepRecord> history = new ArrayList<>();
    private final List<EvalResult> evalHistory = new ArrayList<>();
    private int step;

    /**
     * @throws IllegalArgumentException if the data's vocabulary is larger than the model's
     */
    public Pretrainer(GptModel model, TokenDataset data, TrainConfig config) {
        if (data.vocabSize() > model.config().vocabSize()) {
            throw new IllegalArgumentException("data vocabulary (" + data.vocabSize() + ") is larger than the model's ("
                    + model.config().vocabSize() + ")");
        }
        this.model = model;
        this.data = data;
        this.config = config;
        this.root = NDManager.newBaseManager(model.device());
        this.optimizer = new AdamW(model.parameters(), root);
    }

    /** Steps done (0 for a fresh run, the checkpoint's step after {@link #restore}). */
    public int step() {
        return step;
    }

    public TrainConfig config() {
        return config;
    }

    public GptModel model() {
        return model;
    }

    /** The optimizer (its moments are saved in checkpoints). */
    public AdamW optimizer() {
        return optimizer;
    }

    /** Every step logged so far, including those restored from a checkpoint. */
    public List<StepRecord> history() {
        return Collections.unmodifiableList(history);
    }

    /** Every evaluation so far, including those restored from a checkpoint. */
    public List<EvalResult> evals() {
        return Collections.unmodifiableList(evalHistory);
    }

    /**
     * Continues from a checkpoint: step count, optimizer moments and the logged history.
     *
     * @throws IllegalArgumentException if the state is inconsistent with the model
     */
    public void restore(int savedStep, Map<String, NDArray> optimizerState, long optimizerStep,
                        List<StepRecord> savedHistory, List<EvalResult> savedEvals) {
        if (savedStep < 0) {
            throw new IllegalArgumentException("step must be >= 0, got " + savedStep);
        }
        optimizer.load(optimizerState, optimizerStep);
        step = savedStep;
        history.clear();
        history.addAll(savedHistory);
        evalHistory.clear();
        evalHistory.addAll(savedEvals);
    }

    /**
     * One optimizer step: {@code accumulation} micro-batches forward and backward, global-norm
     * clipping, AdamW. Returns the logged record.
     *
     * @throws ArithmeticException if the loss is not finite
     */
    public StepRecord trainStep() {
        int s = step;
        double lr = config.lrAt(s);
        int micro = config.accumulation();
        int t = model.config().contextLength();
        double lossSum = 0;
        try (GradientCollector collector = Engine.getEngine("PyTorch").newGradientCollector()) {
            for (int i = 0; i < micro; i++) {
                try (NDManager sm = root.newSubManager()) {
                    NDList batch = data.batch(sm, TokenDataset.Split.TRAIN, config.batchSize(), t,
                            TokenDataset.rng(config.seed(), STREAM_TRAIN, s, i));
                    NDArray loss = GptModel.loss(model.forward(batch.get(0)), batch.get(1));
                    lossSum += loss.getFloat();
                    collector.backward(micro == 1 ? loss : NativeArrays.div(loss, micro));
                }
            }
        }
        double loss = lossSum / micro;
        if (!Double.isFinite(loss)) {
            throw new ArithmeticException("training loss is " + loss + " at step " + (s + 1)
                    + "; lower the learning rate");
        }
        float norm;
        try (NDManager sm = root.newSubManager()) {
            norm = optimizer.clipAndUpdate(lr, config.adamW(), sm);
        }
        step = s + 1;
        StepRecord record = new StepRecord(step, loss, lr, norm);
        history.add(record);
        return record;
    }

    /**
     * Mean loss over {@code evalIters} batches of each split, without gradients. The batches
     * depend only on the seed and the step, so a resumed run evaluates on the same batches.
     */
    public EvalResult evaluate() {
        double[] means = new double[2];
        int t = model.config().contextLength();
        try (NoGrad off = NoGrad.enter()) {
            for (int split = 0; split < 2; split++) {
                double sum = 0;
                for (int i = 0; i < config.evalIters(); i++) {
                    try (NDManager sm = root.newSubManager()) {
                        NDList batch = data.batch(sm, split == 0 ? TokenDataset.Split.TRAIN : TokenDataset.Split.VAL,
                                config.batchSize(), t, TokenDataset.rng(config.seed(),
                                        split == 0 ? STREAM_EVAL_TRAIN : STREAM_EVAL_VAL, step, i));
                        sum += GptModel.loss(model.forward(batch.get(0)), batch.get(1)).getFloat();
                    }
                }
                means[split] = sum / config.evalIters();
            }
        }
        EvalResult result = new EvalResult(step, means[0], means[1]);
        evalHistory.add(result);
        return result;
    }

    /**
     * Trains until {@code config.iters()} steps are done or {@code cancel} answers true (checked
     * before every step), evaluating every {@code evalInterval} steps and once at the end (not
     * after a cancellation).
     */
    public TrainResult run(TrainingListener listener, BooleanSupplier cancel) {
        List<EvalResult> evals = new ArrayList<>();
        List<Long> timed = new ArrayList<>();
        long allNanos = 0;
        int sessionSteps = 0;
        double lastLoss = Double.NaN;
        boolean cancelled = false;
        int tokensPerStep = config.batchSize() * config.accumulation() * model.config().contextLength();
        while (step < config.iters()) {
            if (cancel.getAsBoolean()) {
                cancelled = true;
                break;
            }
            if (config.evalInterval() > 0 && step > 0 && step % config.evalInterval() == 0
                    && (evalHistory.isEmpty() || evalHistory.getLast().step() != step)) {
                EvalResult e = evaluate();
                evals.add(e);
                listener.onEval(e);
            }
            long t0 = System.nanoTime();
            StepRecord r = trainStep();
            long dt = System.nanoTime() - t0;
            lastLoss = r.loss();
            sessionSteps++;
            allNanos += dt;
            if (sessionSteps > TIMING_WARMUP) {
                timed.add(dt);
            }
            double nanosPerStep = timed.isEmpty() ? (double) allNanos / sessionSteps
                    : timed.stream().mapToLong(Long::longValue).sum() / (double) timed.size();
            listener.onStep(new TrainingProgress(step, config.iters(), r.loss(), r.lr(), r.gradNorm(),
                    tokensPerStep * 1e9 / nanosPerStep,
                    Duration.ofNanos((long) (nanosPerStep * (config.iters() - step)))));
        }
        EvalResult last = null;
        if (!cancelled && sessionSteps > 0) {
            last = evaluate();
            evals.add(last);
            listener.onEval(last);
        }
        double tokPerS = Double.NaN;
        double median = Double.NaN;
        if (!timed.isEmpty()) {
            long sum = timed.stream().mapToLong(Long::longValue).sum();
            tokPerS = timed.size() * (double) tokensPerStep * 1e9 / sum;
            long[] sorted = timed.stream().mapToLong(Long::longValue).toArray();
            Arrays.sort(sorted);
            median = sorted.length % 2 == 1 ? sorted[sorted.length / 2] / 1e6
                    : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2e6;
        }
        return new TrainResult(step, cancelled, lastLoss, last, tokPerS, median, List.copyOf(evals));
    }

    /** Frees the optimizer state and scratch memory (not the model). */
    @Override
    public void close() {
        root.close();
    }
}
