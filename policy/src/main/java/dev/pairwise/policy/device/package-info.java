/** Where models run: the device choice and its description, in one place. */
@NullMarked
package dev.pairwise.policy.device;

import org.jspecify.annotations.NullMarked;
