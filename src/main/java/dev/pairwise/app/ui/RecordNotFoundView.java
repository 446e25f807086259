package dev.pairwise.app.ui;

import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.ParentLayout;
import dev.pairwise.labeling.NotFoundException;
import jakarta.annotation.security.PermitAll;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Shown when a view is opened for something that does not exist ({@code /label/999}: no project
 * 999): the domain's own sentence ("project 999 does not exist") inside the app frame, with the
 * navigation, instead of Vaadin's navigation exception. Any view may simply let the service's
 * {@link NotFoundException} escape from {@code beforeEnter}.
 */
@ParentLayout(MainLayout.class)
@PermitAll // error views pass the same access check as routes: anyone signed in
public class RecordNotFoundView extends VerticalLayout implements HasErrorParameter<NotFoundException> {

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<NotFoundException> parameter) {
        String message = parameter.getException().getMessage();
        String sentence = message == null || message.isBlank() ? "What this page shows does not exist."
                : Character.toUpperCase(message.charAt(0)) + message.substring(1) + ".";
        ErrorPage.fill(this, "not-found", "Not found",
                sentence + " It may have been removed, or the address has a typo.");
        return HttpServletResponse.SC_NOT_FOUND;
    }
}
