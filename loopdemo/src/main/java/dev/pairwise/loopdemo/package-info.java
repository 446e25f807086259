/**
 * Whole alignment pipelines on plain files and generated data, for proof and measurement: the
 * synthetic loop on a task with a known answer ({@link dev.pairwise.loopdemo.LoopDemo}, the
 * {@code loop-demo} command) and the reward model on HH-RLHF
 * ({@link dev.pairwise.loopdemo.HhRewardDemo}, {@code hh-reward-demo}). Plain Java + DJL on
 * {@code policy} and {@code rewardmodel}; no Spring, no command-line parsing.
 */
@NullMarked
package dev.pairwise.loopdemo;

import org.jspecify.annotations.NullMarked;
