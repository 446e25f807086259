package dev.pairwise.labeling;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Bad input from a person or a file: names the offending field so the UI can point at it and
 * the REST API can answer 400 with a problem detail. Thrown before anything is stored. One
 * exception may carry several wrong fields ({@link FieldErrors}), so a form can mark them all at
 * once instead of one per attempt.
 */
public class InvalidInputException extends RuntimeException {

    private final Map<String, String> errors;

    public InvalidInputException(String field, String message) {
        this(Map.of(field, message));
    }

    /** Several wrong fields at once, in the order they were found; the first is {@link #field()}. */
    public InvalidInputException(Map<String, String> errors) {
        super(String.join(" ", errors.values()));
        if (errors.isEmpty()) {
            throw new IllegalArgumentException("an invalid input names at least one field");
        }
        this.errors = Collections.unmodifiableMap(new LinkedHashMap<>(errors));
    }

    /** The (first) input field at fault, e.g. {@code tiers} or {@code responses[2]}. */
    public String field() {
        return errors.keySet().iterator().next();
    }

    /** Every wrong field with its message, in the order found. */
    public Map<String, String> errors() {
        return errors;
    }
}
