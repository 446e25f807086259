package dev.pairwise.app.ui;

import com.vaadin.flow.component.select.Select;
import dev.pairwise.labeling.project.ProjectService;
import dev.pairwise.labeling.project.ProjectView;
import java.util.List;

/** A select of the projects, preset to the first; used by the import, progress and export views. */
final class ProjectPicker extends Select<ProjectView> {

    ProjectPicker(ProjectService projects, String id) {
        setLabel("Project");
        setId(id);
        List<ProjectView> all = projects.list();
        setItems(all);
        setItemLabelGenerator(ProjectView::name);
        if (!all.isEmpty()) {
            setValue(all.getFirst());
        }
        setWidth("320px");
    }
}
