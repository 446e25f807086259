/**
 * The Bradley–Terry reward model on one of two backbones — the pretrained all-MiniLM-L6-v2 BERT
 * (default; {@code bert/}) or a GPT from {@code dev.pairwise.policy} — its pairwise loss grouped
 * by judgment as in InstructGPT, its held-out metrics, and the scoring interface that PPO asks
 * for. Plain Java and DJL, no Spring.
 */
@NullMarked
package dev.pairwise.rewardmodel;

import org.jspecify.annotations.NullMarked;
