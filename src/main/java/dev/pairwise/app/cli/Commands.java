package dev.pairwise.app.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Dispatches {@code java -jar pairwise.jar COMMAND [options]} to the command that runs it. Every
 * command's options are declared once, on its class: picocli parses them, prints them with their
 * defaults for {@code --help}, and reports a bad one in one line that names it.
 */
public final class Commands {

    /** How the usage text names the program. */
    static final String PROGRAM = "java -jar pairwise.jar";

    private Commands() {
    }

    /** The top of the command tree; {@code help} lists the commands below it, one line each. */
    @Command(name = PROGRAM, synopsisSubcommandLabel = "COMMAND",
            description = {"Runs one stage of the pipeline from files and exits.",
                "Without a command the web app starts. '" + PROGRAM + " COMMAND --help' prints a command's options "
                        + "with their defaults. Exit codes: 0 done, 1 the run failed, 2 a bad command line."},
            subcommands = {HelpCommand.class, TokenizerCommand.class, PretrainCommand.class, BenchTrainCommand.class,
                SampleCommand.class, BenchSampleCommand.class, SftCommand.class, TrainRmCommand.class,
                EvalRmCommand.class, DpoCommand.class, PpoCommand.class, LoopDemoCommand.class,
                HhRewardDemoCommand.class, AgreementCommand.class, CleanCorpusCommand.class, HfImportCommand.class,
                HfExportCommand.class})
    static final class Root {

        @Option(names = {"-h", "--help"}, usageHelp = true, description = "Print this list of commands and exit.")
        boolean help;
    }

    /** True when the arguments name a command (or ask for help) rather than carry Spring options. */
    public static boolean isCommand(String[] args) {
        return args.length > 0 && (!args[0].startsWith("-") || List.of("-h", "--help").contains(args[0]));
    }

    /** Runs the command named by {@code args[0]} on the process's streams; returns the exit code. */
    public static int run(String[] args) {
        return run(args, System.out, System.err);
    }

    /** Runs the command named by {@code args[0]}, writing to {@code out} and {@code err}; returns the exit code. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        DjlRuntime.quietLogging();
        PrintWriter o = new PrintWriter(out, true, StandardCharsets.UTF_8);
        PrintWriter e = new PrintWriter(err, true, StandardCharsets.UTF_8);
        try {
            return commandLine(o, e).execute(args);
        } finally {
            o.flush();
            e.flush();
        }
    }

    /** The command tree, its help formatting and its error handling. */
    static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(new Root());
        cl.setOut(out);
        cl.setErr(err);
        cl.setColorScheme(CommandLine.Help.defaultColorScheme(CommandLine.Help.Ansi.OFF));
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        // "--corpus a.txt --bogus" is a misspelt option, not a second corpus file called "--bogus"
        cl.setUnmatchedOptionsAllowedAsOptionParameters(false);
        cl.setUsageHelpAutoWidth(false);
        cl.setUsageHelpWidth(100);
        cl.setUsageHelpLongOptionsMaxWidth(32);
        for (CommandLine sub : cl.getSubcommands().values()) {
            sub.getCommandSpec().usageMessage().showDefaultValues(true).sortOptions(false).sortSynopsis(false);
        }
        cl.setParameterExceptionHandler(Commands::badCommandLine);
        cl.setExecutionExceptionHandler((ex, command, parsed) -> failed(ex, command));
        return cl;
    }

    /** One line: what is wrong, naming the option, and where the help is. */
    private static int badCommandLine(ParameterException problem, String[] args) {
        CommandLine where = problem.getCommandLine();
        // picocli checks required options before unknown ones; a misspelt option is the better news
        ParameterException e = !(problem instanceof UnmatchedArgumentException) && where.getParent() != null
                && !where.getUnmatchedArguments().isEmpty()
                ? new UnmatchedArgumentException(where, where.getUnmatchedArguments()) : problem;
        PrintWriter err = where.getErr();
        List<String> suggestions = e instanceof UnmatchedArgumentException u ? u.getSuggestions() : List.of();
        String hint = suggestions.isEmpty() ? "" : "; did you mean " + String.join(" or ", suggestions.stream()
                .limit(3).map(s -> "'" + s + "'").toList()) + "?";
        if (where.getParent() == null) {
            String what = e instanceof UnmatchedArgumentException && args.length > 0
                    ? "unknown command '" + args[0] + "'" : e.getMessage();
            err.println(what + hint + " ('" + PROGRAM + " help' lists the commands)");
        } else {
            err.println(where.getCommandName() + ": " + e.getMessage() + hint + " (see '"
                    + where.getCommandSpec().qualifiedName() + " --help')");
        }
        return CommandLine.ExitCode.USAGE;
    }

    /** A run that failed: one line naming the command and the cause. */
    private static int failed(Exception e, CommandLine command) {
        command.getErr().println(command.getCommandName() + ": " + Failures.describe(e));
        return CommandLine.ExitCode.SOFTWARE;
    }
}
