/**
 * Label quality in the annotation domain: a project's quality settings, gold tasks (known
 * rankings mixed into queues) and each labeler's accuracy on them, paused labelers, the judgments
 * the bias statistics read, and reviewers' adjudicated rankings of disputed tasks. The statistics
 * themselves are pure functions ({@link dev.pairwise.labeling.quality.GoldAccuracy} here, agreement
 * and bias tests in the app), so the API, the views and the exports compute the same numbers.
 */
@NullMarked
package dev.pairwise.labeling.quality;

import org.jspecify.annotations.NullMarked;
