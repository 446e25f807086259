/**
 * Checkpoint folders: weights and optimizer state as safetensors, configs, trainer state and
 * metrics as JSON, the tokenizer as Hugging Face {@code tokenizer.json}.
 */
@NullMarked
package dev.pairwise.policy.checkpoint;

import org.jspecify.annotations.NullMarked;
