/** Direct Preference Optimization (Rafailov et al. 2023) against a frozen reference policy. */
@NullMarked
package dev.pairwise.policy.dpo;

import org.jspecify.annotations.NullMarked;
