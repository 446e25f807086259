/**
 * The Bradley–Terry reward model: a GPT backbone from {@code dev.pairwise.policy} with a scalar
 * head on the last token, its pairwise loss grouped by judgment as in InstructGPT, its held-out
 * metrics, and the scoring interface that PPO asks for. Plain Java and DJL, no Spring.
 */
@NullMarked
package dev.pairwise.rewardmodel;

import org.jspecify.annotations.NullMarked;
