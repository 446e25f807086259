package dev.pairwise.app.leaderboard;

import java.util.Objects;

/**
 * One blind comparison between two systems (policy checkpoints or imported systems), as
 * Chatbot Arena records it: who met whom and who won. How a tie enters the fit is a {@link TieRule}.
 *
 * @param modelA  the first system's name
 * @param modelB  the second system's name, different from the first
 * @param outcome the result from A's side
 */
public record Battle(String modelA, String modelB, Outcome outcome) {

    /** The result of a battle, from the side of model A. */
    public enum Outcome {
        A, B, TIE;

        /** A's score: 1 for a win, ½ for a tie, 0 for a loss (the win rate's count, and the half-win rule). */
        double scoreOfA() {
            return switch (this) {
                case A -> 1.0;
                case B -> 0.0;
                case TIE -> 0.5;
            };
        }
    }

    public Battle {
        Objects.requireNonNull(modelA, "modelA");
        Objects.requireNonNull(modelB, "modelB");
        Objects.requireNonNull(outcome, "outcome");
        if (modelA.isBlank() || modelB.isBlank()) {
            throw new IllegalArgumentException("A battle needs two named systems");
        }
        if (modelA.equals(modelB)) {
            throw new IllegalArgumentException("A system cannot battle itself: " + modelA);
        }
    }
}
