package dev.pairwise.labeling;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Collects the wrong fields of one input so all are reported together: each check runs, a
 * refusal is kept under its field, and {@link #throwIfAny()} raises one
 * {@link InvalidInputException} naming them all. Checks written for a single field
 * ({@link TextRules}) work unchanged inside {@link #check} and {@link #value}.
 */
public final class FieldErrors {

    private final Map<String, String> errors = new LinkedHashMap<>();

    /** Runs a check that returns the checked value; on a refusal, keeps it and returns null. */
    public <T> @Nullable T value(Supplier<T> check) {
        try {
            return check.get();
        } catch (InvalidInputException e) {
            e.errors().forEach(errors::putIfAbsent);
            return null;
        }
    }

    /** Runs a check; its refusal is kept (the first per field). */
    public void check(Runnable check) {
        value(() -> {
            check.run();
            return null;
        });
    }

    /** Records a refusal of {@code field} unless one is already recorded for it. */
    public void add(String field, String message) {
        errors.putIfAbsent(field, message);
    }

    /** Whether nothing has been refused so far. */
    public boolean isEmpty() {
        return errors.isEmpty();
    }

    /** Throws every refusal collected, as one exception; returns when there is none. */
    public void throwIfAny() {
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }
}
