/**
 * Text generation from a trained GPT: prefill the prompt once, decode one token per step with
 * the key/value cache, choose each token by temperature, top-k and nucleus (top-p) sampling,
 * draw K samples per prompt in one batch, stream tokens as they come. Used by the {@code sample}
 * command, by the labeling pipeline (K responses per prompt to rank) and by PPO rollouts.
 */
@NullMarked
package dev.pairwise.policy.sample;

import org.jspecify.annotations.NullMarked;
