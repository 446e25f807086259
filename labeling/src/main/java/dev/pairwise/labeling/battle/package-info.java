/**
 * What the closed loop reads from the annotation domain for sampling, evaluation and the
 * leaderboard: the prompts a sampling or evaluation job draws from ({@link
 * dev.pairwise.labeling.battle.LoopPrompts}), and every stored ranking together with the system
 * (checkpoint or imported system) behind each of its responses ({@link
 * dev.pairwise.labeling.battle.SystemRankings}), from which the app fits its Bradley–Terry
 * leaderboard. Read-only; writing sampled responses goes through {@code task.TaskService} and
 * battle verdicts through {@code judgment.JudgmentService} like every other judgment.
 */
@NullMarked
package dev.pairwise.labeling.battle;

import org.jspecify.annotations.NullMarked;
