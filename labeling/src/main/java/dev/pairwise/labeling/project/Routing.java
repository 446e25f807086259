package dev.pairwise.labeling.project;

import dev.pairwise.labeling.InvalidInputException;
import java.util.Locale;

/**
 * The order in which a project hands out its open tasks: {@link #FIFO} oldest first (the
 * default); {@link #UNCERTAINTY} smallest reward-model margin first (active learning: the
 * comparisons the current reward model is least sure of), tasks without a margin after the
 * scored ones, oldest first. Margins are written when a REWARD job of the project finishes.
 */
public enum Routing {
    FIFO, UNCERTAINTY;

    /** The routing named (any case); {@link InvalidInputException} naming {@code field} otherwise. */
    public static Routing parse(String field, String name) {
        if (name == null) {
            throw new InvalidInputException(field, field + " must be FIFO or UNCERTAINTY");
        }
        try {
            return valueOf(name.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(field, field + " must be FIFO or UNCERTAINTY, was '" + name + "'");
        }
    }
}
