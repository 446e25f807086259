/** Supervised fine-tuning: demonstrations rendered with the chat template, loss on response tokens only. */
@NullMarked
package dev.pairwise.policy.sft;

import org.jspecify.annotations.NullMarked;
