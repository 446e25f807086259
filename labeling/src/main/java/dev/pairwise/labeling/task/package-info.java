/**
 * Prompts, responses (with {@link dev.pairwise.labeling.task.Origin}), comparison tasks, and the
 * assignment of tasks to labelers under leases, correct under concurrent transactions.
 */
@NullMarked
package dev.pairwise.labeling.task;

import org.jspecify.annotations.NullMarked;
