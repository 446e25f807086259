package dev.pairwise.app.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.server.auth.AccessAnnotationChecker;
import dev.pairwise.labeling.project.ProjectService;
import dev.pairwise.labeling.project.ProjectView;
import jakarta.annotation.security.PermitAll;
import java.util.List;

/** The start page: the projects, each with its guidelines and a button to start labeling. */
@Route(value = "", layout = MainLayout.class)
@PageTitle("Projects · Pairwise")
@PermitAll
public class HomeView extends Div {

    HomeView(ProjectService projects, AccessAnnotationChecker access) {
        addClassName("page");
        add(new H2("Projects"));
        List<ProjectView> all = projects.list();
        if (all.isEmpty()) {
            add(new Paragraph("No projects yet. An admin creates one under Manage projects."));
        }
        Div list = new Div();
        list.addClassName("project-list");
        boolean mayLabel = access.hasAccess(LabelView.class);
        for (ProjectView p : all) {
            Div card = new Div();
            card.addClassName("project-card");
            Ui.testId(card, "project-" + p.id());
            Span meta = new Span("K = " + p.k() + " responses · overlap " + p.overlap()
                    + (p.randomizeOrder() ? " · randomized order" : ""));
            meta.addClassName("meta");
            Button guidelines = new Button("Guidelines", VaadinIcon.BOOK.create(),
                    e -> e.getSource().getUI().ifPresent(ui -> ui.navigate(GuidelinesView.class,
                            new RouteParameters("projectId", Long.toString(p.id())))));
            Ui.testId(guidelines, "guidelines-" + p.id());
            card.add(new H3(p.name()), meta, guidelines);
            if (mayLabel) {
                Button label = new Button("Start labeling", VaadinIcon.ARROW_RIGHT.create(),
                        e -> e.getSource().getUI().ifPresent(ui -> ui.navigate(LabelView.class,
                                new RouteParameters("projectId", Long.toString(p.id())))));
                label.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
                Ui.testId(label, "start-labeling-" + p.id());
                card.add(label);
            }
            list.add(card);
        }
        add(list);
    }
}
