package dev.pairwise.app.ui;

import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.AccessDeniedException;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.ParentLayout;
import jakarta.annotation.security.PermitAll;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Shown when a signed-in person opens a view their roles do not allow (a labeler on an admin
 * URL): says so plainly inside the app frame, so the navigation to what they may open stays on
 * screen. The page itself is answered with HTTP 403 ({@link PageStatus}).
 */
@ParentLayout(MainLayout.class)
@PermitAll // error views pass the same access check as routes: anyone signed in
public class AccessDeniedView extends VerticalLayout implements HasErrorParameter<AccessDeniedException> {

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<AccessDeniedException> parameter) {
        ErrorPage.fill(this, "access-denied", "Access denied",
                "Your account does not have the role that " + ErrorPage.shown(event.getLocation().getPath())
                        + " needs. The menu lists the pages you can open.");
        return HttpServletResponse.SC_FORBIDDEN;
    }
}
