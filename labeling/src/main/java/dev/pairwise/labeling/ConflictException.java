package dev.pairwise.labeling;

/**
 * A well-formed request the current state forbids: a task not leased to the caller, a name
 * already taken, a demonstration that is not awaiting review (REST: 409).
 */
public class ConflictException extends RuntimeException {

    private final String field;

    public ConflictException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
