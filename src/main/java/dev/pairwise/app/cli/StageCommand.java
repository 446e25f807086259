package dev.pairwise.app.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * What every command shares: {@code --help}, the streams it writes to (stdout for results, stderr
 * for progress and errors) and usage errors that name the option. {@link #call} returns 0 or
 * throws; {@link Commands} turns a throw into one line on stderr and the exit code.
 */
abstract class StageCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = {"-h", "--help"}, usageHelp = true, order = Integer.MAX_VALUE,
            description = "Print this command's options with their defaults and exit.")
    boolean help;

    /** Standard output: the command's result (often one JSON line). */
    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    /** Standard error: progress, notes and errors. */
    PrintWriter err() {
        return spec.commandLine().getErr();
    }

    /** A bad command line (exit code 2); the message names the option. */
    ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }

    /** True when the option was on the command line (not merely at its default). */
    boolean given(String option) {
        return spec.commandLine().getParseResult().hasMatchedOption(option);
    }
}
