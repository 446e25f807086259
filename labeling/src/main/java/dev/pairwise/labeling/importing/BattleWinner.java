package dev.pairwise.labeling.importing;

import dev.pairwise.labeling.InvalidInputException;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The verdict of an imported battle vote, stored as the battle screen stores its own: A or B as
 * two tiers, the winner first (one preference pair); a tie as one shared tier (no pair); both bad
 * as a shared tier with both answers flagged LOW_QUALITY. The leaderboard counts both bad as a
 * tie, as Chatbot Arena does with its "tie (bothbad)".
 */
public enum BattleWinner {
    A, B, TIE, BOTH_BAD;

    /** The tiers for the answers stored as A and B. */
    List<List<Long>> tiers(long a, long b) {
        return switch (this) {
            case A -> List.of(List.of(a), List.of(b));
            case B -> List.of(List.of(b), List.of(a));
            case TIE, BOTH_BAD -> List.of(List.of(a, b));
        };
    }

    /**
     * Reads {@code "a"}, {@code "b"}, {@code "tie"} or {@code "both_bad"}, and Arena's own
     * spellings {@code "model_a"}, {@code "model_b"} and {@code "tie (bothbad)"}, in any case.
     */
    static BattleWinner parse(@Nullable String text) {
        String t = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        return switch (t) {
            case "a", "model_a" -> A;
            case "b", "model_b" -> B;
            case "tie" -> TIE;
            case "both_bad", "tie (bothbad)" -> BOTH_BAD;
            default -> throw new InvalidInputException("winner",
                    "'winner' must be \"a\", \"b\", \"tie\" or \"both_bad\", was \"" + text + "\"");
        };
    }
}
