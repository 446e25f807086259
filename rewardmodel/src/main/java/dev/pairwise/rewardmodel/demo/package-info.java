/** The synthetic loop demo: the whole alignment pipeline on a task with a known answer. */
@NullMarked
package dev.pairwise.rewardmodel.demo;

import org.jspecify.annotations.NullMarked;
