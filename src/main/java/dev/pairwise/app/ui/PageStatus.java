package dev.pairwise.app.ui;

import com.vaadin.flow.router.NavigationState;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.server.VaadinServletRequest;
import com.vaadin.flow.server.auth.AccessAnnotationChecker;
import com.vaadin.flow.server.communication.IndexHtmlResponse;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The HTTP status of the page a browser loads for an address: 404 when no view has it, 403 when
 * the signed-in person's roles may not open its view, else 200. Vaadin answers every address with
 * the same start page and picks the view afterwards, in a request of its own, so the error views
 * alone cannot set it. The check is the one the side navigation uses ({@link MainLayout}): the
 * view's {@code @RolesAllowed}/{@code @PermitAll}.
 */
@Component
class PageStatus implements VaadinServiceInitListener {

    private final AccessAnnotationChecker access;

    PageStatus(AccessAnnotationChecker access) {
        this.access = access;
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.addIndexHtmlRequestListener(this::setStatus);
    }

    private void setStatus(IndexHtmlResponse page) {
        VaadinRequest request = page.getVaadinRequest();
        String path = request.getPathInfo() == null ? "" : request.getPathInfo().replaceFirst("^/+", "");
        Optional<NavigationState> view = request.getService().getRouter()
                .resolveNavigationTarget(path, request.getParameterMap());
        if (view.isEmpty()) {
            page.getVaadinResponse().setStatus(HttpServletResponse.SC_NOT_FOUND);
        } else if (request instanceof VaadinServletRequest servletRequest
                && !access.hasAccess(view.get().getNavigationTarget(), servletRequest.getHttpServletRequest())) {
            page.getVaadinResponse().setStatus(HttpServletResponse.SC_FORBIDDEN);
        }
    }
}
