package dev.pairwise.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * {@code help} and {@code COMMAND --help} through the real dispatcher: every command listed with
 * one line, every option printed with its default, exit code 0; a bad command line answered in one
 * line that names the option and points at {@code --help}, exit code 2.
 */
class HelpTest {

    /** Every command the jar has had, so none disappears unnoticed. */
    static final List<String> COMMANDS = List.of("tokenizer", "pretrain", "bench-train", "sample", "bench-sample",
            "sft", "train-rm", "eval-rm", "dpo", "ppo", "loop-demo", "hh-reward-demo", "agreement", "clean-corpus",
            "hf-import", "hf-export");

    static Map<String, CommandLine> commands() {
        return Commands.commandLine(new java.io.PrintWriter(System.out), new java.io.PrintWriter(System.err))
                .getSubcommands();
    }

    @Test
    void help_lists_every_command_with_a_line_each_and_exits_0() {
        Cli help = Cli.run("help");

        assertThat(help.code()).as("%s", help).isZero();
        assertThat(help.err()).isEmpty();
        for (String command : COMMANDS) {
            assertThat(help.out().lines().filter(l -> l.matches("\\s+" + command + "\\s+\\S.*")))
                    .as("a line for %s in%n%s", command, help.out()).hasSize(1);
        }
        assertThat(Cli.run("--help").out()).isEqualTo(help.out());
        assertThat(Cli.run("-h").out()).isEqualTo(help.out());
        assertThat(commands().keySet()).containsAll(COMMANDS);
    }

    static List<String> commandNames() {
        return COMMANDS;
    }

    @ParameterizedTest
    @MethodSource("commandNames")
    void every_command_prints_its_options_with_defaults_and_exits_0(String command) {
        Cli help = Cli.run(command, "--help");

        assertThat(help.code()).as("%s", help).isZero();
        assertThat(help.err()).isEmpty();
        assertThat(help.out()).startsWith("Usage: java -jar pairwise.jar " + command).doesNotContain("Default: null");
        assertThat(Cli.run("help", command).out()).isEqualTo(help.out());
        for (OptionSpec option : commands().get(command).getCommandSpec().options()) {
            assertThat(help.out()).as("%s --help names %s", command, option.longestName())
                    .contains(option.longestName());
            String shown = option.defaultValueString();
            boolean flag = option.type() == boolean.class;
            boolean hidden = option.showDefaultValue() == CommandLine.Help.Visibility.NEVER;
            if (!option.usageHelp() && !flag && !hidden && shown != null && !shown.equals("null")) {
                assertThat(help.out()).as("%s --help shows the default of %s", command, option.longestName())
                        .contains("Default: " + shown);
            }
        }
    }

    @Test
    void train_rm_and_eval_rm_document_their_options() {
        // picocli wraps descriptions at any space: compare with the line breaks as spaces
        String trainRm = Cli.run("train-rm", "--help").out().replaceAll("\\s+", " ");
        assertThat(trainRm).contains("--backbone=NAME", "Default: all-minilm-l6-v2", "--init=DIR", "--data=FILE",
                "--out=DIR", "--epochs=N", "Default: 1", "--batch=N", "Default: 16 (MiniLM), 8 (gpt)", "--lr=LR",
                "Default: 1e-4", "--max-length=N", "--max-pairs=N", "--frozen-layers=K", "Default: 5", "--val-fraction=F", "Default: 0.1", "--centering=C", "--seed=N", "Default: 1234",
                "--device=auto|cpu|gpu", "Default: auto");
        assertThat(trainRm).doesNotContain("Default: null");
        assertThat(Cli.run("eval-rm", "--help").out()).contains("--model=DIR", "--data=FILE", "--device=auto|cpu|gpu");
    }

    @Test
    void a_bad_option_is_one_line_naming_it_with_a_hint_and_exit_2() {
        Cli unknown = Cli.run("train-rm", "--epoch", "2");
        assertThat(unknown.code()).isEqualTo(2);
        assertThat(unknown.errLines()).as("%s", unknown).singleElement().asString()
                .startsWith("train-rm: ")
                .doesNotContain("train-rm: train-rm:")
                .contains("'--epoch'", "did you mean '--epochs'", "java -jar pairwise.jar train-rm --help");
        assertThat(unknown.out()).isEmpty();

        Cli badValue = Cli.run("eval-rm", "--model", "m", "--data", "d", "--device", "tpu");
        assertThat(badValue.code()).isEqualTo(2);
        assertThat(badValue.errLines()).singleElement().asString().contains("--device", "'tpu'", "--help");

        Cli missing = Cli.run("sft", "--base", "b");
        assertThat(missing.code()).isEqualTo(2);
        assertThat(missing.errLines()).singleElement().asString().contains("--data", "--out", "sft --help");

        Cli notANumber = Cli.run("pretrain", "--corpus", "c.txt", "--out", "o", "--iters", "many");
        assertThat(notANumber.code()).isEqualTo(2);
        assertThat(notANumber.errLines()).singleElement().asString().contains("--iters", "'many'");
    }

    @Test
    void an_unknown_command_is_one_line_pointing_at_help() {
        Cli unknown = Cli.run("train-r");
        assertThat(unknown.code()).isEqualTo(2);
        assertThat(unknown.errLines()).singleElement().asString()
                .contains("unknown command 'train-r'", "'java -jar pairwise.jar help'");
        assertThat(Commands.isCommand(new String[] {"train-r"})).isTrue();
        assertThat(Commands.isCommand(new String[] {"--server.port=8081"})).as("a Spring option").isFalse();
        assertThat(Commands.isCommand(new String[0])).as("no arguments: the web app").isFalse();
    }
}
