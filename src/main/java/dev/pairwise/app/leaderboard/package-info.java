/**
 * The Bradley–Terry leaderboard over policy checkpoints and imported systems:
 * a pure fit from {@link dev.pairwise.app.leaderboard.Battle battles} to Elo-scale
 * {@link dev.pairwise.app.leaderboard.Rating ratings} with bootstrap intervals. Turning stored
 * judgments into battles (responses from different checkpoints) is {@link dev.pairwise.app.leaderboard.LeaderboardService}'s job.
 */
@NullMarked
package dev.pairwise.app.leaderboard;

import org.jspecify.annotations.NullMarked;
