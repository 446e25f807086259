package dev.pairwise.app.training;

import dev.pairwise.app.jobs.JobContext;
import dev.pairwise.policy.align.AlignListener;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Passes a trainer's reports to the job: progress after every step, the step's metrics under the
 * trainer's own names (TRL's: {@code loss}, {@code rewards/margins}, {@code kl}...) at most
 * {@value #MAX_POINTS} times per run so a long run's charts stay light, evaluation metrics
 * always, a log line about every tenth of the run, and a hook after each step (resume points).
 */
class Reporter implements AlignListener {

    /** Metric points per series and run, about: a chart shows no more. */
    static final int MAX_POINTS = 200;
    /** Counters that stay constant over a run: logged once, not charted. */
    static final Set<String> COUNTERS = Set.of("truncated", "skipped_identical");

    /** Called after each step is reported, on the training thread. */
    interface AfterStep {
        void after(int step, int totalSteps) throws Exception;
    }

    private final JobContext ctx;
    private final AfterStep afterStep;
    private final Map<String, Double> last = new LinkedHashMap<>();
    private final Map<String, Double> lastEval = new LinkedHashMap<>();

    Reporter(JobContext ctx, AfterStep afterStep) {
        this.ctx = ctx;
        this.afterStep = afterStep;
    }

    Reporter(JobContext ctx) {
        this(ctx, (step, total) -> { });
    }

    /** Whether step {@code step} of {@code total} (1-based) gets metric points. */
    static boolean due(long step, long total) {
        long every = Math.max(1, total / MAX_POINTS);
        return step == 1 || step == total || step % every == 0;
    }

    /** Whether step {@code step} of {@code total} gets a log line (about ten per run). */
    static boolean logDue(long step, long total) {
        long every = Math.max(1, total / 10);
        return step == 1 || step == total || step % every == 0;
    }

    @Override
    public void onStep(int step, int totalSteps, Map<String, Double> metrics) {
        ctx.progress(step, totalSteps);
        last.putAll(metrics);
        if (due(step, totalSteps)) {
            metrics.forEach((name, value) -> {
                if (!COUNTERS.contains(name) && Double.isFinite(value)) {
                    ctx.metric(name, value);
                }
            });
        }
        if (logDue(step, totalSteps)) {
            ctx.log("step " + step + "/" + totalSteps + " " + format(metrics));
        }
        try {
            afterStep.after(step, totalSteps);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("after step " + step + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void onEval(int step, Map<String, Double> metrics) {
        lastEval.putAll(metrics);
        metrics.forEach((name, value) -> {
            if (Double.isFinite(value)) {
                ctx.metric(name, value);
            }
        });
        boolean any = metrics.values().stream().anyMatch(Double::isFinite);
        // A trainer reports NaN when there is nothing held out (e.g. SFT on a single demonstration).
        ctx.log("eval at step " + step + " " + (any ? format(metrics) : "skipped: no held-out examples"));
    }

    /** The metrics of the last step reported. */
    Map<String, Double> last() {
        return last;
    }

    /** The metrics of the last evaluation (empty without one). */
    Map<String, Double> lastEval() {
        return lastEval;
    }

    static String format(Map<String, Double> metrics) {
        return metrics.entrySet().stream()
                .filter(e -> !COUNTERS.contains(e.getKey()))
                .map(e -> e.getKey() + "=" + String.format(Locale.ROOT, "%.4g", e.getValue()))
                .collect(Collectors.joining(" "));
    }
}
