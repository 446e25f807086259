package dev.pairwise.app.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.markdown.Markdown;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.pairwise.labeling.project.ProjectService;
import dev.pairwise.labeling.project.ProjectView;
import jakarta.annotation.security.PermitAll;

/** A project's labeling guidelines, rendered from markdown. */
@Route(value = "guidelines/:projectId", layout = MainLayout.class)
@PageTitle("Guidelines · Pairwise")
@PermitAll
public class GuidelinesView extends Div implements BeforeEnterObserver {

    private final ProjectService projects;

    GuidelinesView(ProjectService projects) {
        this.projects = projects;
        addClassName("page");
        addClassName("guidelines-page");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        long id = event.getRouteParameters().getLong("projectId").orElse(-1L);
        ProjectView project;
        try {
            project = projects.get(id);
        } catch (RuntimeException e) {
            add(new H2("No such project"));
            return;
        }
        Markdown text = new Markdown(project.guidelines() == null || project.guidelines().isBlank()
                ? "_This project has no guidelines yet._" : project.guidelines());
        Ui.testId(text, "guidelines-text");
        add(new H2("Guidelines · " + project.name()), text);
    }
}
