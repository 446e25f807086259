package dev.pairwise.policy.synthetic;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Plausible wrong answers, the kind a weak model or a careless demonstrator writes: an
 * off-by-a-little sum, two items swapped or left unreversed, a word left in lower case
 * ({@link #corrupt}); or the lazy answer that copies the input instead of doing the task
 * ({@link #copy}), one systematic habit rather than scattered slips. They make SFT
 * demonstrations imperfect and give rankings something to choose between.
 */
public final class Corruptions {

    private Corruptions() {
    }

    /** A wrong answer to {@code task} (never the right one). */
    public static String corrupt(SyntheticTask task, Random rng) {
        String answer = task.answer();
        String wrong = switch (task.kind()) {
            case ADD -> {
                int delta = (1 + rng.nextInt(3)) * (rng.nextBoolean() ? 1 : -1);
                yield Integer.toString(Math.max(0, Integer.parseInt(answer) + delta));
            }
            case REVERSE, SORT -> swapTwo(answer.split(" "), rng);
            case UPPERCASE -> {
                String[] w = answer.split(" ");
                int i = rng.nextInt(w.length);
                w[i] = w[i].toLowerCase(Locale.ROOT);
                yield String.join(" ", w);
            }
        };
        if (wrong.equals(answer)) {
            // Sorted lists with repeated digits, "0 − 1" clamped: fall back to a surely wrong variant.
            wrong = task.kind() == TaskKind.ADD ? Integer.toString(Integer.parseInt(answer) + 1)
                    : answer + " " + answer.split(" ")[0];
        }
        return wrong;
    }

    /**
     * The lazy answer: the prompt's items copied unchanged (the list not reversed or sorted, the
     * words not upper-cased, the two operands of a sum). Falls back to {@link #corrupt} when the
     * copy happens to be right (a palindrome, an already sorted list).
     */
    public static String copy(SyntheticTask task, Random rng) {
        String p = task.prompt();
        String body = task.kind() == TaskKind.ADD ? p.substring("add ".length()).replace(" and ", " ")
                : p.substring(p.indexOf(':') + 1).strip();
        return body.equals(task.answer()) ? corrupt(task, rng) : body;
    }

    private static String swapTwo(String[] items, Random rng) {
        List<Integer> candidates = new ArrayList<>();
        for (int i = 0; i < items.length; i++) {
            for (int j = i + 1; j < items.length; j++) {
                if (!items[i].equals(items[j])) {
                    candidates.add(i * items.length + j);
                }
            }
        }
        if (candidates.isEmpty()) {
            return String.join(" ", items);
        }
        int pick = candidates.get(rng.nextInt(candidates.size()));
        String[] out = Arrays.copyOf(items, items.length);
        String t = out[pick / items.length];
        out[pick / items.length] = out[pick % items.length];
        out[pick % items.length] = t;
        return String.join(" ", out);
    }
}
