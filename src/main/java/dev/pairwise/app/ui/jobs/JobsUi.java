package dev.pairwise.app.ui.jobs;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Helpers of the training screens: test ids, notifications and time formats. The same test ids
 * and notification markers as the other views (whose helper is private to their package).
 */
final class JobsUi {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private JobsUi() {
    }

    /** Sets {@code data-testid}, the attribute browser tests select by. */
    static <T extends Component> T testId(T component, String id) {
        component.getElement().setAttribute("data-testid", id);
        return component;
    }

    static void success(String message) {
        show(message, 3500, NotificationVariant.LUMO_SUCCESS, "notification-success");
    }

    static void error(String message) {
        show(message, 8000, NotificationVariant.LUMO_ERROR, "notification-error");
    }

    private static void show(String message, int millis, NotificationVariant variant, String testId) {
        Notification n = new Notification(testId(new Span(message), testId));
        n.setDuration(millis);
        n.setPosition(Notification.Position.BOTTOM_START);
        n.addThemeVariants(variant);
        n.open();
    }

    /** A UTC timestamp to the second, or a dash. */
    static String time(@Nullable Instant t) {
        return t == null ? "–" : TIME.format(t) + " UTC";
    }

    /** Seconds as "1 h 02 min", "3 min 05 s" or "12 s"; a dash when unknown. */
    static String duration(@Nullable Long seconds) {
        if (seconds == null || seconds < 0) {
            return "–";
        }
        long h = seconds / 3600;
        long m = seconds % 3600 / 60;
        long s = seconds % 60;
        if (h > 0) {
            return String.format(Locale.ROOT, "%d h %02d min", h, m);
        }
        return m > 0 ? String.format(Locale.ROOT, "%d min %02d s", m, s) : s + " s";
    }
}
