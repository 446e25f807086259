package dev.pairwise.app.ui;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;

@Route(value = "demonstrations", layout = MainLayout.class)
@RolesAllowed({"LABELER", "ADMIN"})
public class DemonstrationsView extends VerticalLayout {
    DemonstrationsView() {
        add(new H2("DemonstrationsView"));
    }
}
