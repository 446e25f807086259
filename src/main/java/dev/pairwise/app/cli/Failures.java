package dev.pairwise.app.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;

/** The one line a failed command prints: the cause in the user's words, a Java type only for a bug. */
final class Failures {

    private Failures() {
    }

    static String describe(Throwable e) {
        String msg = e.getMessage();
        if (e instanceof NoSuchFileException nsf) {
            return "file not found: " + nsf.getFile() + (nsf.getReason() != null ? " (" + nsf.getReason() + ")" : "");
        }
        if (e instanceof UncheckedIOException u && u.getCause() instanceof NoSuchFileException nsf) {
            return describe(nsf);
        }
        if (e instanceof IllegalArgumentException || e instanceof IllegalStateException || e instanceof IOException
                || e instanceof UncheckedIOException || e instanceof ArithmeticException) {
            return msg == null ? e.getClass().getSimpleName() : msg;
        }
        // unexpected: keep the type so the report is useful
        return e.getClass().getName() + (msg == null ? "" : ": " + msg);
    }
}
