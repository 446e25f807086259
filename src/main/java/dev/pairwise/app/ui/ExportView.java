package dev.pairwise.app.ui;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;

@Route(value = "export", layout = MainLayout.class)
@RolesAllowed({"ADMIN", "RESEARCHER"})
public class ExportView extends VerticalLayout {
    ExportView() {
        add(new H2("ExportView"));
    }
}
