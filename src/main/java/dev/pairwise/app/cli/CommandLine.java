package dev.pairwise.app.cli;

import dev.pairwise.policy.cli.PolicyCommands;
import dev.pairwise.rewardmodel.cli.AlignCommands;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.ToIntFunction;

/**
 * Dispatches {@code java -jar pairwise.jar COMMAND [options]} to the stage that runs it. Each
 * stage is a plain function from its arguments to an exit code, so it runs without Spring.
 */
public final class CommandLine {

    private static final Map<String, ToIntFunction<String[]>> COMMANDS = new LinkedHashMap<>();

    static {
        COMMANDS.put("help", args -> usage());
        COMMANDS.putAll(PolicyCommands.commands());
        COMMANDS.putAll(AlignCommands.commands());
    }

    private CommandLine() {
    }

    /** True when the first argument names a command rather than a Spring option. */
    public static boolean isCommand(String[] args) {
        return args.length > 0 && !args[0].startsWith("-");
    }

    /** Runs the named command; returns the process exit code. */
    public static int run(String[] args) {
        ToIntFunction<String[]> command = COMMANDS.get(args[0]);
        if (command == null) {
            System.err.println("Unknown command: " + args[0]);
            usage();
            return 2;
        }
        return command.applyAsInt(Arrays.copyOfRange(args, 1, args.length));
    }

    private static int usage() {
        System.err.println("Usage: java -jar pairwise.jar [COMMAND [options]]");
        System.err.println("Without a command the web app starts. Commands: " + String.join(", ", COMMANDS.keySet()));
        return 0;
    }
}
