package dev.pairwise.app.instruct;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * ROUGE-L F-measure (Lin 2004) exactly as Google's {@code rouge_score} package computes it with
 * {@code use_stemmer=False}, the scorer Self-Instruct filters with: both texts are lower-cased,
 * every run of characters other than {@code a-z} and {@code 0-9} becomes a token boundary (so
 * non-ASCII letters vanish), and with {@code m} the longest common subsequence of the two token
 * lists, precision is {@code m/|candidate|}, recall {@code m/|reference|} and F their harmonic
 * mean; F is 0 when either list is empty or nothing is shared. F is symmetric in the two texts.
 * See rouge_score's {@code tokenize.py} and {@code rouge_scorer._score_lcs}.
 */
public final class RougeL {

    private RougeL() {
    }

    /** The tokens {@code rouge_score}'s default tokenizer makes of {@code text}. */
    public static List<String> tokens(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        List<String> out = new ArrayList<>();
        StringBuilder token = new StringBuilder();
        for (int i = 0; i < lower.length(); i++) {
            char c = lower.charAt(i);
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
                token.append(c);
            } else if (!token.isEmpty()) {
                out.add(token.toString());
                token.setLength(0);
            }
        }
        if (!token.isEmpty()) {
            out.add(token.toString());
        }
        return out;
    }

    /** ROUGE-L F-measure of two texts. */
    public static double fmeasure(String a, String b) {
        return fmeasure(tokens(a), tokens(b));
    }

    /** ROUGE-L F-measure of two token lists made by {@link #tokens}. */
    public static double fmeasure(List<String> candidate, List<String> reference) {
        if (candidate.isEmpty() || reference.isEmpty()) {
            return 0;
        }
        int lcs = lcs(candidate, reference);
        if (lcs == 0) {
            return 0;
        }
        double precision = (double) lcs / candidate.size();
        double recall = (double) lcs / reference.size();
        return 2 * precision * recall / (precision + recall);
    }

    /** Length of the longest common subsequence, by the usual table kept one row at a time. */
    static int lcs(List<String> a, List<String> b) {
        int[] previous = new int[b.size() + 1];
        int[] current = new int[b.size() + 1];
        for (String x : a) {
            for (int j = 1; j <= b.size(); j++) {
                current[j] = x.equals(b.get(j - 1)) ? previous[j - 1] + 1 : Math.max(previous[j], current[j - 1]);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.size()];
    }
}
