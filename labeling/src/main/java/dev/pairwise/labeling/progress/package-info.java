/**
 * Progress per project: tasks done against wanted, judgments per labeler, median time on task.
 */
@NullMarked
package dev.pairwise.labeling.progress;

import org.jspecify.annotations.NullMarked;
