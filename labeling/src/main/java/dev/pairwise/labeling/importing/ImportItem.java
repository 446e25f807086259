package dev.pairwise.labeling.importing;

import dev.pairwise.labeling.task.NewPrompt;
import org.jspecify.annotations.Nullable;

/** One good line of an import file. */
public sealed interface ImportItem {

    /** 1-based line number where the item starts. */
    int line();

    /** A prompt with responses still to be ranked: becomes a comparison task. */
    record Ranked(int line, NewPrompt prompt) implements ImportItem {
    }

    /**
     * A pre-judged comparison: becomes an imported judgment with one preference pair. Lines that
     * share a {@code group} (TRL exports from Pairwise) join one judgment and one prompt.
     */
    record Pair(int line, String prompt, String chosen, String rejected, int margin, @Nullable String group)
            implements ImportItem {
    }

    /**
     * One vote of a blind A/B battle between two named systems: becomes an imported judgment of
     * a prompt with the two answers, each tagged with its system, as a battle verdict is stored.
     *
     * @param labeler who voted, by an external name (no account); null when the file does not say
     */
    record Battle(int line, String prompt, String modelA, String modelB, String answerA, String answerB,
                  BattleWinner winner, @Nullable String labeler) implements ImportItem {
    }
}
