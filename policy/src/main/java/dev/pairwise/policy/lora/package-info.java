/** Low-rank adaptation (Hu et al. 2021) of the GPT's projection weights. */
@NullMarked
package dev.pairwise.policy.lora;

import org.jspecify.annotations.NullMarked;
