package dev.pairwise.app.ui.jobs;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.UIDetachedException;
import com.vaadin.flow.shared.Registration;
import jakarta.annotation.PreDestroy;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Refreshes live views by server push: while a component is attached, runs its refresh every
 * period inside {@code UI.access} (so it holds the session lock and the change is pushed at
 * once), and stops when the component is detached or the refresh asks to. One daemon thread
 * serves every open page; a refresh only reads a few rows.
 */
@org.springframework.stereotype.Component
class UiTicker {

    private static final Logger log = LoggerFactory.getLogger(UiTicker.class);

    /** A refresh; returns false when the view needs no more updates (the job finished). */
    @FunctionalInterface
    interface Refresh {
        boolean run();
    }

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "pairwise-ui-ticker");
        t.setDaemon(true);
        return t;
    });

    /** Runs {@code refresh} every {@code millis} while {@code view} is attached. */
    void whileAttached(Component view, long millis, Refresh refresh) {
        view.addAttachListener(attach -> {
            UI ui = attach.getUI();
            ScheduledFuture<?>[] task = new ScheduledFuture<?>[1];
            task[0] = timer.scheduleWithFixedDelay(() -> {
                try {
                    ui.access(() -> {
                        try {
                            if (!refresh.run()) {
                                task[0].cancel(false);
                            }
                        } catch (RuntimeException e) {
                            log.warn("Live refresh of {} failed; stopping it", view.getClass().getSimpleName(), e);
                            task[0].cancel(false);
                        }
                    });
                } catch (UIDetachedException e) {
                    task[0].cancel(false); // the tab was closed without a detach event reaching us
                }
            }, millis, millis, TimeUnit.MILLISECONDS);
            Registration[] detach = new Registration[1];
            detach[0] = view.addDetachListener(d -> {
                task[0].cancel(false);
                detach[0].remove();
            });
        });
    }

    @PreDestroy
    void stop() {
        timer.shutdownNow();
    }
}
