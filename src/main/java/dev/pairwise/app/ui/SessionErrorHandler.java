package dev.pairwise.app.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.ErrorEvent;
import com.vaadin.flow.server.ErrorHandler;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import dev.pairwise.app.UnexpectedErrors;
import org.springframework.stereotype.Component;

/**
 * Failures no view caught (an event listener that throws): the person sees a red notification
 * with the refusal's own message or an error id, never raw exception text; the full exception
 * goes to the log under that id ({@link UnexpectedErrors}).
 */
@Component
class SessionErrorHandler implements VaadinServiceInitListener, ErrorHandler {

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addSessionInitListener(init -> init.getSession().setErrorHandler(this));
    }

    @Override
    public void error(ErrorEvent event) {
        String message = UnexpectedErrors.messageFor(event.getThrowable());
        UI ui = UI.getCurrent();
        if (ui == null) {
            return; // no page to show it on; the log has it
        }
        if (ui.getSession().hasLock()) {
            Ui.error(message);
        } else {
            ui.access(() -> Ui.error(message));
        }
    }
}
