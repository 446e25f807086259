/**
 * Label quality in the app: each labeler's agreement, gold accuracy and bias tests (position,
 * length, time on task) in a labelers table, with exact binomial tests and Holm's correction.
 * The statistics are pure functions over what the labeling domain reads; see
 * {@link dev.pairwise.app.quality.LabelersTable}.
 */
@NullMarked
package dev.pairwise.app.quality;

import org.jspecify.annotations.NullMarked;
