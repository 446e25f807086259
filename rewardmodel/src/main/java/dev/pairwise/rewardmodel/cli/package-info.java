/** Command-line entry points of the alignment stages: sft, train-rm, eval-rm, dpo, ppo, loop-demo. */
@NullMarked
package dev.pairwise.rewardmodel.cli;

import org.jspecify.annotations.NullMarked;
