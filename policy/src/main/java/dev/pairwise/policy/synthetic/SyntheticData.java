package dev.pairwise.policy.synthetic;

import dev.pairwise.policy.data.pairs.SftExample;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The generated data of the loop demo: a pretraining corpus that states facts of the task
 * families in plain sentences (not in the chat format, so SFT still has to teach the format) and
 * SFT demonstrations with a share of wrong answers (so the SFT policy is imperfect and DPO/PPO
 * have room to improve on it). Both are built from the training tasks only: no held-out prompt
 * leaks into training.
 */
public final class SyntheticData {

    private SyntheticData() {
    }

    /** {@code lines} lines of corpus text, {@code errorRate} of them stating a wrong answer. */
    public static String pretrainingCorpus(List<SyntheticTask> tasks, int lines, double errorRate, long seed) {
        checkRate(errorRate);
        if (tasks.isEmpty()) {
            throw new IllegalArgumentException("no tasks to build a corpus from");
        }
        Random rng = new Random(seed);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < lines; i++) {
            SyntheticTask t = tasks.get(rng.nextInt(tasks.size()));
            String answer = rng.nextDouble() < errorRate ? Corruptions.corrupt(t, rng) : t.answer();
            String body = t.prompt().substring(t.prompt().indexOf(t.kind() == TaskKind.ADD ? ' ' : ':') + 1).strip();
            sb.append(switch (t.kind()) {
                case ADD -> body.replace(" and ", " + ") + " = " + answer;
                case REVERSE -> body + " reversed is " + answer;
                case SORT -> body + " sorted is " + answer;
                case UPPERCASE -> body + " in capitals is " + answer;
            }).append('\n');
        }
        return sb.toString();
    }

    /** How a wrong demonstration is wrong. */
    public enum Errors {
        /** Scattered slips ({@link Corruptions#corrupt}): a different mistake each time. */
        SLIPS,
        /** One lazy habit ({@link Corruptions#copy}): the input copied instead of transformed. */
        COPY
    }

    /** One demonstration per task, the answer replaced by a slip with probability {@code errorRate}. */
    public static List<SftExample> demonstrations(List<SyntheticTask> tasks, double errorRate, long seed) {
        return demonstrations(tasks, errorRate, Errors.SLIPS, seed);
    }

    /** One demonstration per task, the answer replaced by a wrong one of the given kind with probability {@code errorRate}. */
    public static List<SftExample> demonstrations(List<SyntheticTask> tasks, double errorRate, Errors errors,
            long seed) {
        checkRate(errorRate);
        Random rng = new Random(seed);
        List<SftExample> out = new ArrayList<>(tasks.size());
        for (SyntheticTask t : tasks) {
            String answer = rng.nextDouble() >= errorRate ? t.answer()
                    : errors == Errors.COPY ? Corruptions.copy(t, rng) : Corruptions.corrupt(t, rng);
            out.add(SftExample.of(t.prompt(), answer));
        }
        return out;
    }

    private static void checkRate(double rate) {
        if (!(rate >= 0 && rate <= 1)) {
            throw new IllegalArgumentException("errorRate must be in [0, 1], got " + rate);
        }
    }
}
