package dev.pairwise.labeling;

/** An id that names nothing: unknown project, task, demonstration or account (REST: 404). */
public class NotFoundException extends RuntimeException {

    private final String field;

    public NotFoundException(String field, String message) {
        super(message);
        this.field = field;
    }

    /** The input field that held the unknown id, e.g. {@code projectId}. */
    public String field() {
        return field;
    }

    public static NotFoundException of(String field, String what, long id) {
        return new NotFoundException(field, what + " " + id + " does not exist");
    }
}
