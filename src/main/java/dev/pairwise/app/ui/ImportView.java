package dev.pairwise.app.ui;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;

@Route(value = "admin/import", layout = MainLayout.class)
@RolesAllowed("ADMIN")
public class ImportView extends VerticalLayout {
    ImportView() {
        add(new H2("ImportView"));
    }
}
