package dev.pairwise.labeling;

/** The caller's roles or the project's settings do not permit this action (REST: 403). */
public class NotAllowedException extends RuntimeException {

    public NotAllowedException(String message) {
        super(message);
    }
}
