package dev.pairwise.app.leaderboard;

import java.util.List;

/**
 * The fitted board and what it was fitted on.
 *
 * @param standings best first; empty when there were no battles
 * @param judgments judgments that yielded at least one battle
 * @param battles   battles in all
 * @param ties      how ties entered the fit
 */
public record Leaderboard(List<Standing> standings, int judgments, int battles, TieRule ties) {

    public Leaderboard {
        standings = List.copyOf(standings);
    }
}
