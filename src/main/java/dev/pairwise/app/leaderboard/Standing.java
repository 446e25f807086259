package dev.pairwise.app.leaderboard;

/**
 * One row of the leaderboard as a view shows it.
 *
 * @param rank    1 for the highest rating
 * @param system  the checkpoint's registry name, or an imported system's name
 * @param elo     the Bradley–Terry rating on the Elo scale (board mean 1000)
 * @param lower   2.5th percentile of the bootstrap ratings
 * @param upper   97.5th percentile of the bootstrap ratings
 * @param battles battles the system took part in
 * @param winRate its score over those battles (a win 1, a tie ½), against whoever it met
 */
public record Standing(int rank, String system, double elo, double lower, double upper, int battles, double winRate) {
}
