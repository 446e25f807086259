/**
 * The decoder-only GPT: configuration ({@link dev.pairwise.policy.model.GptConfig}), parameters
 * and forward pass ({@link dev.pairwise.policy.model.GptModel}), the key/value cache for
 * incremental decoding and a no-grad scope. Training lives in {@code train}, persistence in
 * {@code checkpoint}.
 */
@NullMarked
package dev.pairwise.policy.model;

import org.jspecify.annotations.NullMarked;
