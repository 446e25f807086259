package dev.pairwise.labeling;

/**
 * Bad input from a person or a file: names the offending field so the UI can point at it and
 * the REST API can answer 400 with a problem detail. Thrown before anything is stored.
 */
public class InvalidInputException extends RuntimeException {

    private final String field;

    public InvalidInputException(String field, String message) {
        super(message);
        this.field = field;
    }

    /** The input field at fault, e.g. {@code tiers} or {@code responses[2]}. */
    public String field() {
        return field;
    }
}
