package dev.pairwise.app.leaderboard;

/**
 * One row of the leaderboard: a system's Bradley–Terry rating on the Elo scale and its 95%
 * bootstrap interval (equal to the rating when no bootstrap was run).
 *
 * @param model   the system's name
 * @param elo     the maximum-likelihood rating, the board's mean anchored at 1000
 * @param lower   2.5th percentile of the bootstrap ratings
 * @param upper   97.5th percentile of the bootstrap ratings
 * @param battles how many battles the system took part in
 */
public record Rating(String model, double elo, double lower, double upper, int battles) {
}
