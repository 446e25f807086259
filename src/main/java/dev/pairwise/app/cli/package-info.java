/**
 * The command line: {@code java -jar pairwise.jar COMMAND [options]} runs one stage of the
 * pipeline from files and exits, without starting Spring. {@link dev.pairwise.app.cli.Commands}
 * parses with picocli and dispatches; each command is one class whose options, with their
 * defaults, are what {@code COMMAND --help} prints. Exit codes: 0 done, 1 the run failed (a
 * missing or malformed file, a checkpoint of the wrong kind), 2 a bad command line.
 */
@NullMarked
package dev.pairwise.app.cli;

import org.jspecify.annotations.NullMarked;
