package dev.pairwise.app.leaderboard;

import dev.pairwise.labeling.InvalidInputException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * How a battle, and a tie above all, enters the Bradley–Terry likelihood: as {@code games} trials
 * of which A won {@code winsOfA}.
 *
 * <p>{@link #ARENA} is the construction of Chatbot Arena's {@code compute_mle_elo} (the public
 * leaderboard notebook; Chiang et al. 2024, §5): every battle is entered twice, so a decisive
 * battle is two wins for its winner and a tie is one win each way. {@link #HALF} enters every
 * battle once and a tie as half a win for each side. For every battle ARENA's weights are exactly
 * twice HALF's, so the two log-likelihoods differ by a factor of 2 and have the same maximum:
 * unpenalised, the two rules give identical ratings. Here they differ only through the weak prior
 * of {@link BradleyTerry}, which the doubled data outweigh twice as much: under 0.001 Elo on 300
 * votes among six systems ({@code ArenaMethodTest}). A rule that counted a tie as one win each
 * way but a decisive battle only once would weigh ties double and pull ratings together (30–40
 * Elo apart from Arena's on the same test votes, 30% ties); that is not Arena's method, and
 * neither rule here does it.
 */
public enum TieRule {

    /** Arena's duplication: a win is 2 of 2, a tie 1 of 2. The default. */
    ARENA(2.0),
    /** A win is 1 of 1, a tie ½ of 1. */
    HALF(1.0);

    private final double games;

    TieRule(double games) {
        this.games = games;
    }

    /** The weight of one battle in the likelihood. */
    double games() {
        return games;
    }

    /** A's wins out of {@link #games()} for this outcome. */
    double winsOfA(Battle.Outcome outcome) {
        return games * outcome.scoreOfA();
    }

    /** The lower-case name the API uses ({@code arena}, {@code half}). */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The rule named by {@code text} (case-insensitive); {@link #ARENA} when it is null or blank.
     *
     * @throws InvalidInputException naming {@code field} for any other name
     */
    public static TieRule parse(String field, @Nullable String text) {
        if (text == null || text.isBlank()) {
            return ARENA;
        }
        for (TieRule rule : values()) {
            if (rule.id().equalsIgnoreCase(text.strip())) {
                return rule;
            }
        }
        throw new InvalidInputException(field, field + " must be one of "
                + Arrays.stream(values()).map(TieRule::id).collect(Collectors.joining(", ")) + ", was '" + text + "'");
    }
}
