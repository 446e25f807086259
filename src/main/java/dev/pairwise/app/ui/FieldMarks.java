package dev.pairwise.app.ui;

import com.vaadin.flow.component.HasValidation;
import dev.pairwise.labeling.ConflictException;
import dev.pairwise.labeling.InvalidInputException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Marks a form's wrong fields beside each field, all at once, in place of one notification per
 * attempt over the form. Fields are registered under the names the services
 * use in {@link InvalidInputException#errors()}; a refusal naming no registered field falls back to
 * a notification.
 */
final class FieldMarks {

    private final Map<String, HasValidation> byField = new LinkedHashMap<>();

    /** Registers {@code component} as the place for refusals of {@code field}. */
    FieldMarks on(String field, HasValidation component) {
        byField.put(field, component);
        return this;
    }

    /** Clears every mark, before a new attempt. */
    void clear() {
        byField.values().forEach(f -> f.setInvalid(false));
    }

    /** Marks {@code field} with {@code message}; returns false so checks can chain {@code ok = mark(...)}. */
    boolean mark(String field, String message) {
        HasValidation target = byField.get(field);
        if (target == null) {
            Ui.error(sentence(message));
        } else {
            target.setErrorMessage(sentence(message));
            target.setInvalid(true);
        }
        return false;
    }

    /**
     * Shows a service's refusal: each wrong field of an {@link InvalidInputException}, or the one
     * field of a {@link ConflictException}, on its component; anything else as a notification.
     */
    void show(RuntimeException e) {
        switch (e) {
            case InvalidInputException invalid -> invalid.errors().forEach(this::mark);
            case ConflictException conflict -> mark(conflict.field(), conflict.getMessage());
            default -> Ui.error(Ui.messageOf(e));
        }
    }

    /** "instruction must not be empty" reads "Instruction must not be empty" beside its field. */
    private static String sentence(String message) {
        return message.isEmpty() ? message : Character.toUpperCase(message.charAt(0)) + message.substring(1);
    }
}
