package dev.pairwise.app.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import dev.pairwise.app.UnexpectedErrors;
import dev.pairwise.labeling.project.ProjectView;
import org.jspecify.annotations.Nullable;

/** Small helpers shared by the views: test ids and notifications. */
final class Ui {

    private Ui() {
    }

    /** Sets {@code data-testid}, the attribute browser tests select by. */
    static <T extends Component> T testId(T component, String id) {
        component.getElement().setAttribute("data-testid", id);
        return component;
    }

    /**
     * Marks {@code component} with the id of the project it now shows ({@code data-project-id}),
     * or removes the mark. A project picker's text changes in the browser before the server has
     * rebuilt what depends on it; the mark changes only once the server has, so a reader (the
     * browser tests) can wait for it instead of acting on the previous project's content.
     */
    static void showsProject(Component component, @Nullable ProjectView project) {
        if (project == null) {
            component.getElement().removeAttribute("data-project-id");
        } else {
            component.getElement().setAttribute("data-project-id", Long.toString(project.id()));
        }
    }

    /** A figure with its label, as the progress and quality views show them; the value carries {@code testId}. */
    static Div stat(String label, String value, String testId) {
        Span v = new Span(value);
        v.addClassName("stat-value");
        testId(v, testId);
        Span l = new Span(label);
        l.addClassName("stat-label");
        Div box = new Div(v, l);
        box.addClassName("stat");
        return box;
    }

    /** A green notification that closes itself; its text carries {@code data-testid=notification-success}. */
    static void success(String message) {
        show(message, 3500, Notification.Position.BOTTOM_START, NotificationVariant.LUMO_SUCCESS, "notification-success");
    }

    /** A red notification that stays a while; its text carries {@code data-testid=notification-error}. */
    static void error(String message) {
        show(message, 8000, Notification.Position.MIDDLE, NotificationVariant.LUMO_ERROR, "notification-error");
    }

    private static void show(String message, int millis, Notification.Position position, NotificationVariant variant,
            String testId) {
        // The text is a child component, so it is rendered inside the visible card, where a
        // browser test can find it by its test id.
        Notification n = new Notification(testId(new Span(message), testId));
        n.setDuration(millis);
        n.setPosition(position);
        n.addThemeVariants(variant);
        n.open();
    }

    /**
     * The message to show for a failed action: a refusal's own message (services name the field
     * at fault); for anything unexpected, a sentence with the error id it was logged under.
     */
    static String messageOf(RuntimeException e) {
        return UnexpectedErrors.messageFor(e);
    }
}
