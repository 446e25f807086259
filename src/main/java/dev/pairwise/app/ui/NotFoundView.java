package dev.pairwise.app.ui;

import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.ParentLayout;
import jakarta.annotation.security.PermitAll;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Shown for an address no view has ({@code /no/such/page}, {@code /jobs/abc}) or that a view
 * refuses as unknown: "page not found" inside the app frame, with the navigation, instead of
 * Vaadin's bare route list. The page itself is answered with HTTP 404 ({@link PageStatus}).
 */
@ParentLayout(MainLayout.class)
@PermitAll // error views pass the same access check as routes: anyone signed in
public class NotFoundView extends VerticalLayout implements HasErrorParameter<NotFoundException> {

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<NotFoundException> parameter) {
        ErrorPage.fill(this, "not-found", "Page not found",
                "There is no page at " + ErrorPage.shown(event.getLocation().getPath())
                        + ". Pick one from the menu, or go back to the start page.");
        return HttpServletResponse.SC_NOT_FOUND;
    }
}
