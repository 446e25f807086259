/*
 * The command-line entry points of the policy stages, registered with the app's dispatcher
 * (dev.pairwise.app.cli.CommandLine) so `java -jar pairwise.jar pretrain ...` runs without Spring.
 */
package dev.pairwise.policy.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.ToIntFunction;

/** Command name to its entry point (arguments after the name, returns the exit code). */
public final class PolicyCommands {

    private PolicyCommands() {
    }

    /** tokenizer, pretrain, bench-train, sample, bench-sample. */
    public static Map<String, ToIntFunction<String[]>> commands() {
        Map<String, ToIntFunction<String[]>> commands = new LinkedHashMap<>();
        commands.put("tokenizer", TokenizerCommand::run);
        commands.put("pretrain", PretrainCommand::run);
        commands.put("bench-train", BenchTrainCommand::run);
        commands.put("sample", SampleCommand::run);
        commands.put("bench-sample", BenchSampleCommand::run);
        return commands;
    }
}
