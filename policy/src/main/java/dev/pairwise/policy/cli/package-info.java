/**
 * Command-line entry points of the policy stages ({@code tokenizer}, {@code pretrain},
 * {@code bench-train}, {@code sample}, {@code bench-sample}); each a function from its
 * arguments to an exit code, registered by {@link dev.pairwise.policy.cli.PolicyCommands}.
 */
@NullMarked
package dev.pairwise.policy.cli;

import org.jspecify.annotations.NullMarked;
