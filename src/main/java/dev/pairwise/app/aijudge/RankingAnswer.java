package dev.pairwise.app.aijudge;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Reads the ranking out of a judge's free-text answer. The prompt asks for a last line
 * {@code Ranking: 2 > 1 = 3} (response numbers as shown, best first, {@code >} between better and
 * worse, {@code =} between equally good). The last such line counts (a model that restates the
 * format before answering is still read right); around the numbers, brackets, "Response"/"#",
 * bold markers and a final full stop are forgiven. Anything else — no ranking line, a number out
 * of range, a response missing or named twice, words between the numbers — is unreadable, and the
 * reason says which. Pure: no I/O, no state.
 */
public final class RankingAnswer {

    /** "Ranking:" at the start of a line, in any case, with optional markdown emphasis around it. */
    private static final Pattern LINE = Pattern.compile("(?im)^[\\s*_#>`-]*ranking[*_]*\\s*:[*_]*\\s*(.*)$");
    /** One response reference: a number with the decorations models add around it. */
    private static final Pattern ITEM = Pattern.compile("(?i)^[\\s*_`\\[(]*(?:response\\s*|#)?(\\d{1,3})[\\s*_`\\])]*$");

    /**
     * What an answer said.
     *
     * @param tiers  the ranking as tiers of 1-based positions, best first; null when unreadable
     * @param reason why it is unreadable; null when it was read
     */
    public record Read(@Nullable List<List<Integer>> tiers, @Nullable String reason) {
        public boolean ok() {
            return tiers != null;
        }
    }

    private RankingAnswer() {
    }

    /** The ranking of {@code k} responses in {@code answer}. */
    public static Read read(@Nullable String answer, int k) {
        if (answer == null || answer.isBlank()) {
            return fail("the answer is empty");
        }
        Matcher m = LINE.matcher(answer);
        String last = null;
        while (m.find()) {
            last = m.group(1);
        }
        if (last == null) {
            return fail("no line starting with 'Ranking:'");
        }
        String line = last.strip();
        while (line.endsWith(".") || line.endsWith("*") || line.endsWith("`")) {
            line = line.substring(0, line.length() - 1).strip();
        }
        if (line.isEmpty()) {
            return fail("the 'Ranking:' line is empty");
        }
        List<List<Integer>> tiers = new ArrayList<>();
        Set<Integer> seen = new HashSet<>();
        for (String tierText : line.split(">", -1)) {
            List<Integer> tier = new ArrayList<>();
            for (String itemText : tierText.split("=", -1)) {
                Matcher item = ITEM.matcher(itemText);
                if (!item.matches()) {
                    return fail("'" + clip(itemText.strip()) + "' in the ranking is not a response number");
                }
                int n = Integer.parseInt(item.group(1));
                if (n < 1 || n > k) {
                    return fail("response " + n + " does not exist (there are " + k + ")");
                }
                if (!seen.add(n)) {
                    return fail("response " + n + " is ranked twice");
                }
                tier.add(n);
            }
            tiers.add(List.copyOf(tier));
        }
        if (seen.size() != k) {
            List<Integer> missing = new ArrayList<>();
            for (int i = 1; i <= k; i++) {
                if (!seen.contains(i)) {
                    missing.add(i);
                }
            }
            return fail("the ranking leaves out " + (missing.size() == 1 ? "response " + missing.getFirst()
                    : "responses " + String.join(", ", missing.stream().map(String::valueOf).toList())));
        }
        return new Read(List.copyOf(tiers), null);
    }

    private static Read fail(String reason) {
        return new Read(null, reason);
    }

    private static String clip(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }
}
