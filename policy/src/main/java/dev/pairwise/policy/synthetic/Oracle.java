package dev.pairwise.policy.synthetic;

import java.util.Locale;

/**
 * Scores a response to a synthetic task in [0, 1]: 1 for the exact answer (surrounding white
 * space ignored), partial credit for near answers so that a ranking of imperfect responses still
 * carries information (InstructGPT's labelers, too, rank flawed outputs against each other):
 * <ul>
 *   <li>add: {@code 0.8/(1+|error|)} for a number, halved when other text follows it;</li>
 *   <li>reverse and sort: {@code 0.9 ×} share of positions right, over the longer length;</li>
 *   <li>uppercase: {@code 0.9 ×} per-word credit (1 upper-case match, 0.4 right word in the wrong
 *       case), over the longer length.</li>
 * </ul>
 */
public final class Oracle {

    private Oracle() {
    }

    /** The score of {@code response} to {@code task}. */
    public static double score(SyntheticTask task, String response) {
        String r = response.strip().replaceAll("\\s+", " ");
        if (r.equals(task.answer())) {
            return 1.0;
        }
        if (r.isEmpty()) {
            return 0.0;
        }
        String[] got = r.split(" ");
        String[] want = task.answer().split(" ");
        return switch (task.kind()) {
            case ADD -> number(got, Integer.parseInt(task.answer()));
            case REVERSE, SORT -> 0.9 * positional(got, want, false);
            case UPPERCASE -> 0.9 * positional(got, want, true);
        };
    }

    /** The score of {@code response} to the task whose prompt is {@code prompt}. */
    public static double score(String prompt, String response) {
        return score(SyntheticTask.parse(prompt), response);
    }

    private static double number(String[] got, int want) {
        int value;
        try {
            value = Integer.parseInt(got[0]);
        } catch (NumberFormatException e) {
            return 0.0;
        }
        double credit = value == want ? 1.0 : 0.8 / (1 + Math.abs((long) value - want));
        return got.length > 1 ? credit * 0.5 : credit;
    }

    private static double positional(String[] got, String[] want, boolean caseCredit) {
        double credit = 0;
        for (int i = 0; i < Math.min(got.length, want.length); i++) {
            if (got[i].equals(want[i])) {
                credit += 1;
            } else if (caseCredit && got[i].toUpperCase(Locale.ROOT).equals(want[i])) {
                credit += 0.4;
            }
        }
        return credit / Math.max(got.length, want.length);
    }
}
