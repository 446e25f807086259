/**
 * Tensor files: the Hugging Face safetensors format ({@link dev.pairwise.policy.io.Safetensors}),
 * so checkpoints move between this project and the Python ecosystem.
 */
@NullMarked
package dev.pairwise.policy.io;

import org.jspecify.annotations.NullMarked;
