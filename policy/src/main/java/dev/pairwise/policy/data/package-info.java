/**
 * Pretraining data: corpus files to text, token streams split into training and validation
 * parts, and reproducible random batches.
 */
@NullMarked
package dev.pairwise.policy.data;

import org.jspecify.annotations.NullMarked;
