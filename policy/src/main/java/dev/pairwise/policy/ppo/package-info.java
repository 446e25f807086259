/** PPO for RLHF (Ziegler et al. 2019; Ouyang et al. 2022): rollouts, KL-penalised rewards, GAE, clipped updates. */
@NullMarked
package dev.pairwise.policy.ppo;

import org.jspecify.annotations.NullMarked;
