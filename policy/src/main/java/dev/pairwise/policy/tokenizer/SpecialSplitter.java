package dev.pairwise.policy.tokenizer;

import java.util.Map;
import java.util.function.Function;

/**
 * Finds special-token strings in text, leftmost first and the longest where several start at one
 * place (as Hugging Face's added-token matcher does), and encodes the text between them with a
 * tokenizer's plain encoder.
 */
final class SpecialSplitter {

    private SpecialSplitter() {
    }

    static int[] encode(String text, Map<String, Integer> specials, Function<String, int[]> plain) {
        IntList ids = new IntList(text.length() / 3);
        int from = 0;
        while (from < text.length()) {
            int bestAt = -1;
            String best = null;
            for (String special : specials.keySet()) {
                int at = text.indexOf(special, from);
                if (at >= 0 && (bestAt < 0 || at < bestAt || (at == bestAt && special.length() > best.length()))) {
                    bestAt = at;
                    best = special;
                }
            }
            int end = bestAt < 0 ? text.length() : bestAt;
            if (end > from) {
                ids.addAll(plain.apply(text.substring(from, end)));
            }
            if (best == null) {
                break;
            }
            ids.add(specials.get(best));
            from = bestAt + best.length();
        }
        return ids.toArray();
    }
}
