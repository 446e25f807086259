package dev.pairwise.app.instruct;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The instructions a candidate is compared with: the seeds, the project's prompts and every
 * instruction kept so far. A candidate is a {@link Rejection#DUPLICATE} when its text matches one
 * of them (case and spacing aside) and {@link Rejection#SIMILAR} when its ROUGE-L F-measure with
 * any of them is 0.7 or more (the "< 0.7"; the paper's code refuses only above 0.7, which
 * differs at exactly 0.7). Tokens are kept per instruction, so each comparison is one LCS table.
 * Not thread-safe.
 */
final class InstructionPool {

    static final double MAX_ROUGE_L = 0.7;

    private final Set<String> keys = new HashSet<>();
    private final List<List<String>> tokens = new ArrayList<>();

    /** Adds an instruction to compare later candidates with. */
    void add(String instruction) {
        keys.add(key(instruction));
        tokens.add(RougeL.tokens(instruction));
    }

    int size() {
        return tokens.size();
    }

    /** Why the candidate is too close to the pool, or empty when it may join it. */
    Optional<Rejection> check(String candidate) {
        if (keys.contains(key(candidate))) {
            return Optional.of(Rejection.DUPLICATE);
        }
        List<String> own = RougeL.tokens(candidate);
        for (List<String> other : tokens) {
            if (RougeL.fmeasure(own, other) >= MAX_ROUGE_L) {
                return Optional.of(Rejection.SIMILAR);
            }
        }
        return Optional.empty();
    }

    private static String key(String instruction) {
        return InstructionFilter.normalize(instruction).toLowerCase(Locale.ROOT);
    }
}
