/*
 * trainer_state.json and metrics.json: the small JSON files beside the tensors. Doubles are
 * written with full precision, so the training config round-trips exactly.
 */
package dev.pairwise.policy.checkpoint;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.pairwise.policy.train.EvalResult;
import dev.pairwise.policy.train.Pretrainer;
import dev.pairwise.policy.train.StepRecord;
import dev.pairwise.policy.train.TrainConfig;
import java.util.ArrayList;
import java.util.List;

/** JSON forms of the trainer's state and metrics. */
final class TrainerStateJson {

    /** The description of how batches are drawn, recorded so a reader knows what "seed" means. */
    static final String RNG_SCHEME = "per-batch SplittableRandom(splitmix64(seed, stream, step, micro)); "
            + "streams: 0 train, 1 eval-train, 2 eval-val";

    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().serializeSpecialFloatingPointValues()
            .create();

    record State(int step, long optimizerStep, TrainConfig config) {
    }

    record Metrics(List<StepRecord> steps, List<EvalResult> evals) {
    }

    private TrainerStateJson() {
    }

    static String write(Pretrainer trainer) {
        TrainConfig c = trainer.config();
        JsonObject o = new JsonObject();
        o.addProperty("format", 1);
        o.addProperty("step", trainer.step());
        o.addProperty("optimizer_step", trainer.optimizer().step());
        JsonObject tc = new JsonObject();
        tc.addProperty("iters", c.iters());
        tc.addProperty("batch_size", c.batchSize());
        tc.addProperty("accumulation", c.accumulation());
        tc.addProperty("lr", c.lr());
        tc.addProperty("min_lr", c.minLr());
        tc.addProperty("warmup_iters", c.warmupIters());
        tc.addProperty("weight_decay", c.weightDecay());
        tc.addProperty("beta1", c.beta1());
        tc.addProperty("beta2", c.beta2());
        tc.addProperty("eps", c.eps());
        tc.addProperty("grad_clip", c.gradClip());
        tc.addProperty("eval_interval", c.evalInterval());
        tc.addProperty("eval_iters", c.evalIters());
        tc.addProperty("seed", c.seed());
        o.add("train_config", tc);
        JsonObject rng = new JsonObject();
        rng.addProperty("scheme", RNG_SCHEME);
        rng.addProperty("seed", c.seed());
        rng.addProperty("next_step", trainer.step());
        o.add("data_rng", rng);
        return GSON.toJson(o);
    }

    static String writeMetrics(Pretrainer trainer) {
        JsonObject o = new JsonObject();
        JsonArray steps = new JsonArray();
        for (StepRecord r : trainer.history()) {
            JsonObject s = new JsonObject();
            s.addProperty("step", r.step());
            s.addProperty("loss", r.loss());
            s.addProperty("lr", r.lr());
            s.addProperty("grad_norm", r.gradNorm());
            steps.add(s);
        }
        JsonArray evals = new JsonArray();
        for (EvalResult e : trainer.evals()) {
            JsonObject s = new JsonObject();
            s.addProperty("step", e.step());
            s.addProperty("train_loss", e.trainLoss());
            s.addProperty("val_loss", e.valLoss());
            evals.add(s);
        }
        o.add("steps", steps);
        o.add("evals", evals);
        return GSON.toJson(o);
    }

    static State read(String json) {
        JsonObject o = object(json, Checkpoints.TRAINER_STATE);
        return new State(integer(o, "step"), longValue(o, "optimizer_step"), readConfig(json));
    }

    static TrainConfig readConfig(String json) {
        JsonObject o = object(json, Checkpoints.TRAINER_STATE);
        JsonElement e = o.get("train_config");
        if (e == null || !e.isJsonObject()) {
            throw new IllegalArgumentException(Checkpoints.TRAINER_STATE + ": missing object 'train_config'");
        }
        JsonObject c = e.getAsJsonObject();
        return new TrainConfig(integer(c, "iters"), integer(c, "batch_size"), integer(c, "accumulation"),
                number(c, "lr"), number(c, "min_lr"), integer(c, "warmup_iters"), number(c, "weight_decay"),
                number(c, "beta1"), number(c, "beta2"), number(c, "eps"), number(c, "grad_clip"),
                integer(c, "eval_interval"), integer(c, "eval_iters"), longValue(c, "seed"));
    }

    static Metrics readMetrics(String json) {
        JsonObject o = object(json, Checkpoints.METRICS);
        List<StepRecord> steps = new ArrayList<>();
        List<EvalResult> evals = new ArrayList<>();
        for (JsonElement e : array(o, "steps")) {
            JsonObject s = e.getAsJsonObject();
            steps.add(new StepRecord(integer(s, "step"), number(s, "loss"), number(s, "lr"), number(s, "grad_norm")));
        }
        for (JsonElement e : array(o, "evals")) {
            JsonObject s = e.getAsJsonObject();
            evals.add(new EvalResult(integer(s, "step"), number(s, "train_loss"), number(s, "val_loss")));
        }
        return new Metrics(steps, evals);
    }

    private static JsonObject object(String json, String file) {
        try {
            return JsonParser.parseString(json).getAsJsonObject();
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(file + " is not a JSON object: " + e.getMessage(), e);
        }
    }

    private static JsonArray array(JsonObject o, String name) {
        JsonElement e = o.get(name);
        if (e == null || !e.isJsonArray()) {
            throw new IllegalArgumentException("missing array '" + name + "'");
        }
        return e.getAsJsonArray();
    }

    private static JsonElement field(JsonObject o, String name) {
        JsonElement e = o.get(name);
        if (e == null || e.isJsonNull()) {
            throw new IllegalArgumentException("missing field '" + name + "'");
        }
        return e;
    }

    private static int integer(JsonObject o, String name) {
        try {
            return field(o, name).getAsInt();
        } catch (NumberFormatException | UnsupportedOperationException | IllegalStateException e) {
            throw new IllegalArgumentException("field '" + name + "' must be an integer", e);
        }
    }

    private static long longValue(JsonObject o, String name) {
        try {
            return field(o, name).getAsLong();
        } catch (NumberFormatException | UnsupportedOperationException | IllegalStateException e) {
            throw new IllegalArgumentException("field '" + name + "' must be an integer", e);
        }
    }

    private static double number(JsonObject o, String name) {
        try {
            return field(o, name).getAsDouble();
        } catch (NumberFormatException | UnsupportedOperationException | IllegalStateException e) {
            throw new IllegalArgumentException("field '" + name + "' must be a number", e);
        }
    }
}
