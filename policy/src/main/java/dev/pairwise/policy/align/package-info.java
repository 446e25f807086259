/**
 * Loss functions and small helpers shared by the alignment trainers (SFT, reward model, DPO,
 * PPO): each a few lines on DJL {@code NDArray}s or plain float arrays that can be checked against
 * its paper by hand. Nothing here opens a {@code GradientCollector} or owns a model.
 */
@NullMarked
package dev.pairwise.policy.align;

import org.jspecify.annotations.NullMarked;
