/*
 * trainer_state.json and metrics.json: the small JSON files beside the tensors. Doubles are
 * written with full precision, so the training config round-trips exactly.
 */
package dev.pairwise.policy.checkpoint;

import dev.pairwise.policy.io.Json;
import dev.pairwise.policy.train.AdamWSettings;
import dev.pairwise.policy.train.EvalResult;
import dev.pairwise.policy.train.Pretrainer;
import dev.pairwise.policy.train.StepRecord;
import dev.pairwise.policy.train.TrainConfig;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** JSON forms of the trainer's state and metrics. */
final class TrainerStateJson {

    /** The description of how batches are drawn, recorded so a reader knows what "seed" means. */
    static final String RNG_SCHEME = "per-batch SplittableRandom(splitmix64(seed, stream, step, micro)); "
            + "streams: 0 train, 1 eval-train, 2 eval-val";

    private static final Json.Fields FIELDS = new Json.Fields("");

    record State(int step, long optimizerStep, TrainConfig config) {
    }

    record Metrics(List<StepRecord> steps, List<EvalResult> evals) {
    }

    private TrainerStateJson() {
    }

    static String write(Pretrainer trainer) {
        TrainConfig c = trainer.config();
        ObjectNode o = Json.object();
        o.put("format", 1);
        o.put("step", trainer.step());
        o.put("optimizer_step", trainer.optimizer().step());
        ObjectNode tc = Json.object();
        tc.put("iters", c.iters());
        tc.put("batch_size", c.batchSize());
        tc.put("accumulation", c.accumulation());
        tc.put("lr", c.lr());
        tc.put("min_lr", c.minLr());
        tc.put("warmup_iters", c.warmupIters());
        // AdamW's settings stay flat in train_config, between warmup_iters and eval_interval as before
        tc.put("weight_decay", c.adamW().weightDecay());
        tc.put("beta1", c.adamW().beta1());
        tc.put("beta2", c.adamW().beta2());
        tc.put("eps", c.adamW().eps());
        tc.put("grad_clip", c.adamW().gradClip());
        tc.put("eval_interval", c.evalInterval());
        tc.put("eval_iters", c.evalIters());
        tc.put("seed", c.seed());
        o.set("train_config", tc);
        ObjectNode rng = Json.object();
        rng.put("scheme", RNG_SCHEME);
        rng.put("seed", c.seed());
        rng.put("next_step", trainer.step());
        o.set("data_rng", rng);
        return Json.pretty(o);
    }

    static String writeMetrics(Pretrainer trainer) {
        ObjectNode o = Json.object();
        ArrayNode steps = Json.array();
        for (StepRecord r : trainer.history()) {
            ObjectNode s = Json.object();
            s.put("step", r.step());
            s.put("loss", r.loss());
            s.put("lr", r.lr());
            s.put("grad_norm", r.gradNorm());
            steps.add(s);
        }
        ArrayNode evals = Json.array();
        for (EvalResult e : trainer.evals()) {
            ObjectNode s = Json.object();
            s.put("step", e.step());
            s.put("train_loss", e.trainLoss());
            s.put("val_loss", e.valLoss());
            evals.add(s);
        }
        o.set("steps", steps);
        o.set("evals", evals);
        return Json.pretty(o);
    }

    static State read(String json) {
        ObjectNode o = Json.parseObject(json, Checkpoints.TRAINER_STATE);
        return new State(FIELDS.integer(o, "step"), FIELDS.longValue(o, "optimizer_step"), readConfig(json));
    }

    static TrainConfig readConfig(String json) {
        ObjectNode o = Json.parseObject(json, Checkpoints.TRAINER_STATE);
        JsonNode c = o.get("train_config");
        if (c == null || !c.isObject()) {
            throw new IllegalArgumentException(Checkpoints.TRAINER_STATE + ": missing object 'train_config'");
        }
        return new TrainConfig(FIELDS.integer(c, "iters"), FIELDS.integer(c, "batch_size"),
                FIELDS.integer(c, "accumulation"), FIELDS.number(c, "lr"), FIELDS.number(c, "min_lr"),
                FIELDS.integer(c, "warmup_iters"), new AdamWSettings(FIELDS.number(c, "weight_decay"),
                        FIELDS.number(c, "beta1"), FIELDS.number(c, "beta2"), FIELDS.number(c, "eps"),
                        FIELDS.number(c, "grad_clip")),
                FIELDS.integer(c, "eval_interval"), FIELDS.integer(c, "eval_iters"), FIELDS.longValue(c, "seed"));
    }

    static Metrics readMetrics(String json) {
        ObjectNode o = Json.parseObject(json, Checkpoints.METRICS);
        List<StepRecord> steps = new ArrayList<>();
        List<EvalResult> evals = new ArrayList<>();
        for (JsonNode s : array(o, "steps")) {
            steps.add(new StepRecord(FIELDS.integer(s, "step"), FIELDS.number(s, "loss"), FIELDS.number(s, "lr"),
                    FIELDS.number(s, "grad_norm")));
        }
        for (JsonNode s : array(o, "evals")) {
            evals.add(new EvalResult(FIELDS.integer(s, "step"), FIELDS.number(s, "train_loss"),
                    FIELDS.number(s, "val_loss")));
        }
        return new Metrics(steps, evals);
    }

    private static JsonNode array(JsonNode o, String name) {
        JsonNode e = o.get(name);
        if (e == null || !e.isArray()) {
            throw new IllegalArgumentException("missing array '" + name + "'");
        }
        return e;
    }



}
