package dev.pairwise.app.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import dev.pairwise.labeling.InvalidInputException;

/** Small helpers shared by the views: test ids and notifications. */
final class Ui {

    private Ui() {
    }

    /** Sets {@code data-testid}, the attribute browser tests select by. */
    static <T extends Component> T testId(T component, String id) {
        component.getElement().setAttribute("data-testid", id);
        return component;
    }

    /** A green notification that closes itself. */
    static void success(String message) {
        Notification n = Notification.show(message, 3500, Notification.Position.BOTTOM_START);
        n.addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        testId(n, "notification-success");
    }

    /** A red notification that stays a while, for errors a person must read. */
    static void error(String message) {
        Notification n = Notification.show(message, 8000, Notification.Position.MIDDLE);
        n.addThemeVariants(NotificationVariant.LUMO_ERROR);
        testId(n, "notification-error");
    }

    /** The message to show for a refused input: services name the field at fault. */
    static String messageOf(RuntimeException e) {
        if (e instanceof InvalidInputException invalid && invalid.getMessage() != null) {
            return invalid.getMessage();
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
