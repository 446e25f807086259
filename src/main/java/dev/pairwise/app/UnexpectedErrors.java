package dev.pairwise.app;

import dev.pairwise.labeling.ConflictException;
import dev.pairwise.labeling.InvalidInputException;
import dev.pairwise.labeling.NotAllowedException;
import dev.pairwise.labeling.NotFoundException;
import dev.pairwise.labeling.importing.ImportRejectedException;
import java.security.SecureRandom;
import java.util.HexFormat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a person sees when something fails. The domain's own refusals (invalid input, not found,
 * conflict, not allowed, a rejected import) carry messages written for people and are shown as
 * they are. Anything else — a database error, a bug — is logged once, in full, under a short
 * random error id, and the person sees only a sentence with that id: never SQL, a stack trace or
 * a Java class name. The browser and the API use the same ids, so an admin can find the log line
 * a labeler quotes.
 */
public final class UnexpectedErrors {

    private static final Logger LOG = LoggerFactory.getLogger(UnexpectedErrors.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private UnexpectedErrors() {
    }

    /** True for the exceptions whose message is meant for the person who caused them. */
    public static boolean isUserFacing(Throwable e) {
        return e instanceof InvalidInputException || e instanceof NotFoundException || e instanceof ConflictException
                || e instanceof NotAllowedException || e instanceof ImportRejectedException;
    }

    /** Logs {@code e} with a new error id and returns the id. */
    public static String report(Throwable e) {
        byte[] bytes = new byte[4];
        RANDOM.nextBytes(bytes);
        String id = HexFormat.of().formatHex(bytes);
        LOG.error("Unexpected error {}: {}", id, e.toString(), e);
        return id;
    }

    /** The sentence shown for an unexpected error with this id. */
    public static String message(String errorId) {
        return "Something went wrong on our side (error " + errorId + "). Please try again; if it keeps "
                + "happening, give this error id to an admin.";
    }

    /** The message to show a person for {@code e}: its own for the domain's refusals, else an id. */
    public static String messageFor(Throwable e) {
        if (isUserFacing(e) && e.getMessage() != null) {
            return e.getMessage();
        }
        return message(report(e));
    }
}
