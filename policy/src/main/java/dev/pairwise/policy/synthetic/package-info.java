/**
 * A task with a known answer, to prove the alignment loop end to end without downloaded data:
 * short prompts whose best response is computable (arithmetic, reversing or sorting a short list,
 * answering in upper case), an oracle that scores any response in [0, 1] with partial credit,
 * simulated labelers that rank K responses by the oracle with noise, and generated pretraining
 * text and SFT demonstrations (some deliberately wrong, so SFT is imperfect and preference
 * learning has room to improve). Everything is deterministic under a seed.
 */
@NullMarked
package dev.pairwise.policy.synthetic;

import org.jspecify.annotations.NullMarked;
