package dev.pairwise.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine.Model.OptionSpec;

/** The README's "Command line" section names every command and each of its options: it stays true. */
class ReadmeTest {

    private static String section() throws IOException {
        String readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);
        int start = readme.indexOf("## Command line\n");
        assertThat(start).as("README has a Command line section").isNotNegative();
        return readme.substring(start, readme.indexOf("\n## ", start + 1));
    }

    @ParameterizedTest
    @MethodSource("dev.pairwise.app.cli.HelpTest#commandNames")
    void the_readme_lists_the_command_and_every_option(String command) throws IOException {
        String section = section();
        assertThat(section).contains("| `" + command + "` |");
        Matcher bullet = Pattern.compile("(?s)\\n- `" + Pattern.quote(command) + "`: (.*?)(?=\\n- `|\\n\\n)")
                .matcher(section);
        assertThat(bullet.find()).as("an options bullet for %s", command).isTrue();
        for (OptionSpec option : HelpTest.commands().get(command).getCommandSpec().options()) {
            if (!option.usageHelp()) {
                assertThat(bullet.group(1)).as("README names %s of %s", option.longestName(), command)
                        .contains("`" + option.longestName());
            }
        }
    }
}
