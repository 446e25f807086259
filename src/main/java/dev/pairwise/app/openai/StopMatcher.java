package dev.pairwise.app.openai;

import java.util.List;

/**
 * OpenAI's {@code stop} strings over a growing answer: the answer ends just before the first
 * place any of them appears, and the stop string itself is never returned. Text arrives in
 * pieces (a token's worth), and a stop string may span several, so a piece is handed on only as
 * far as it cannot be the start of a stop string: the tail that could be is held back until the
 * next piece decides (vLLM streams the same way). A trailing high surrogate is held back too, so
 * no emitted piece ends in half a character. The concatenated pieces are always exactly the
 * final answer, streamed or not.
 */
final class StopMatcher {

    private final List<String> stops;
    private final int longest;
    private final StringBuilder all = new StringBuilder();
    private int emitted;
    private boolean stopped;

    StopMatcher(List<String> stops) {
        this.stops = List.copyOf(stops);
        this.longest = stops.stream().mapToInt(String::length).max().orElse(0);
    }

    /** Adds a piece of generated text; returns what may be shown now (possibly empty). */
    String push(String piece) {
        if (stopped || piece.isEmpty()) {
            return "";
        }
        all.append(piece);
        int cut = firstStop();
        if (cut >= 0) {
            stopped = true;
            all.setLength(cut);
            return take(cut);
        }
        int safe = all.length() - heldBack();
        if (safe > 0 && Character.isHighSurrogate(all.charAt(safe - 1))) {
            safe--;
        }
        return take(Math.max(safe, emitted));
    }

    /** Whether a stop string has appeared: the answer is complete and no more text is taken. */
    boolean stopped() {
        return stopped;
    }

    /** The text held back so far (the answer ended without a stop string): the last piece to show. */
    String flush() {
        return take(all.length());
    }

    /** The answer so far, without a stop string or anything after it. */
    String text() {
        return all.toString();
    }

    private String take(int end) {
        String out = all.substring(emitted, end);
        emitted = end;
        return out;
    }

    /** Where the earliest stop string starts, looking only where a new one can have appeared; -1 if none. */
    private int firstStop() {
        int from = Math.max(0, emitted - longest + 1);
        int best = -1;
        for (String s : stops) {
            int i = all.indexOf(s, from);
            if (i >= 0 && (best < 0 || i < best)) {
                best = i;
            }
        }
        return best;
    }

    /** Length of the longest tail of the unshown text that is a proper prefix of a stop string. */
    private int heldBack() {
        int unshown = all.length() - emitted;
        for (int len = Math.min(unshown, longest - 1); len > 0; len--) {
            CharSequence tail = all.subSequence(all.length() - len, all.length());
            for (String s : stops) {
                if (s.length() > len && s.startsWith(tail.toString())) {
                    return len;
                }
            }
        }
        return 0;
    }
}
