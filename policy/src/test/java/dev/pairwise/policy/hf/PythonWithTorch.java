package dev.pairwise.policy.hf;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Finds a Python that can {@code import torch}: {@code $PAIRWISE_PYTHON}, then Debian's
 * {@code /usr/bin/python3} (where {@code python3-torch} installs), then {@code python3} on the
 * PATH (which may be a pyenv or venv interpreter without torch).
 */
final class PythonWithTorch {

    private PythonWithTorch() {
    }

    /** The first interpreter that imports torch, or null when none does. */
    static String find() throws InterruptedException {
        List<String> candidates = new ArrayList<>();
        String configured = System.getenv("PAIRWISE_PYTHON");
        if (configured != null && !configured.isBlank()) {
            candidates.add(configured);
        }
        candidates.add("/usr/bin/python3");
        candidates.add("python3");
        for (String python : candidates) {
            try {
                Process p = new ProcessBuilder(python, "-c", "import torch").redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
                if (p.waitFor(120, TimeUnit.SECONDS) && p.exitValue() == 0) {
                    return python;
                }
                p.destroyForcibly();
            } catch (IOException e) {
                // not installed under that name: try the next
            }
        }
        return null;
    }
}
