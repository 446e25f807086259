package dev.pairwise.app.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.markdown.Markdown;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.pairwise.labeling.project.ProjectService;
import dev.pairwise.labeling.project.ProjectSettings;
import dev.pairwise.labeling.project.ProjectView;
import jakarta.annotation.security.RolesAllowed;
import org.jspecify.annotations.Nullable;

/**
 * Admins create and edit projects: name, markdown guidelines (with a live preview), K, overlap,
 * randomized order, whether labelers may write demonstrations, and the lease length.
 */
@Route(value = "admin/projects", layout = MainLayout.class)
@PageTitle("Manage projects · Pairwise")
@RolesAllowed("ADMIN")
public class ProjectsAdminView extends Div {

    private final ProjectService projects;
    private final Grid<ProjectView> grid = new Grid<>();
    private final TextField name = new TextField("Name");
    private final TextArea guidelines = new TextArea("Guidelines (markdown)");
    private final Markdown preview = new Markdown();
    private final IntegerField k = new IntegerField("K (responses per task)");
    private final IntegerField overlap = new IntegerField("Overlap (judgments per task)");
    private final IntegerField lease = new IntegerField("Lease (minutes)");
    private final Checkbox randomize = new Checkbox("Randomize response order per labeler");
    private final Checkbox labelersDemos = new Checkbox("Labelers may write demonstrations");
    private final H3 formTitle = new H3();
    private @Nullable ProjectView editing;

    ProjectsAdminView(ProjectService projects) {
        this.projects = projects;
        addClassName("page");
        Button create = new Button("New project", VaadinIcon.PLUS.create(), e -> edit(null));
        create.setId("project-new");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        HorizontalLayout head = new HorizontalLayout(new H2("Manage projects"), create);
        head.setAlignItems(HorizontalLayout.Alignment.BASELINE);

        grid.setId("projects-grid");
        grid.addColumn(ProjectView::id).setHeader("Id").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(ProjectView::name).setHeader("Name").setFlexGrow(1);
        grid.addColumn(ProjectView::k).setHeader("K").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(ProjectView::overlap).setHeader("Overlap").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(p -> p.randomizeOrder() ? "yes" : "no").setHeader("Randomized").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(p -> p.labelersMayWriteDemos() ? "yes" : "no").setHeader("Labeler demos").setAutoWidth(true)
                .setFlexGrow(0);
        grid.setAllRowsVisible(true);
        grid.asSingleSelect().addValueChangeListener(e -> {
            if (e.getValue() != null) {
                edit(e.getValue());
            }
        });

        name.setId("project-name");
        guidelines.setId("project-guidelines");
        guidelines.setMinRows(8);
        guidelines.setValueChangeMode(ValueChangeMode.LAZY);
        guidelines.addValueChangeListener(e -> preview.setContent(e.getValue()));
        preview.addClassName("markdown-preview");
        k.setId("project-k");
        k.setMin(2);
        k.setMax(9);
        k.setStepButtonsVisible(true);
        overlap.setId("project-overlap");
        overlap.setMin(1);
        overlap.setStepButtonsVisible(true);
        lease.setId("project-lease");
        lease.setMin(1);
        randomize.setId("project-randomize");
        labelersDemos.setId("project-labeler-demos");

        FormLayout form = new FormLayout(name, k, overlap, lease, randomize, labelersDemos);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("600px", 2));
        Span previewLabel = new Span("Preview");
        previewLabel.addClassName("section-label");
        Div editor = new Div(guidelines, new Div(previewLabel, preview));
        editor.addClassName("demo-editor");
        guidelines.setWidthFull();
        Button save = new Button("Save", VaadinIcon.CHECK.create(), e -> save());
        save.setId("project-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Div formBox = new Div(formTitle, form, editor, save);
        formBox.addClassName("form-grid");
        add(head, grid, formBox);
        refresh();
        edit(null);
    }

    private void edit(@Nullable ProjectView project) {
        editing = project;
        ProjectSettings s = project == null ? ProjectSettings.defaults("", "")
                : new ProjectSettings(project.name(), project.guidelines(), project.k(), project.overlap(),
                        project.randomizeOrder(), project.labelersMayWriteDemos(), project.leaseMinutes());
        formTitle.setText(project == null ? "New project" : "Edit project " + project.name());
        name.setValue(s.name());
        guidelines.setValue(s.guidelines() == null ? "" : s.guidelines());
        preview.setContent(guidelines.getValue());
        k.setValue(s.k());
        overlap.setValue(s.overlap());
        lease.setValue(s.leaseMinutes());
        randomize.setValue(s.randomizeOrder());
        labelersDemos.setValue(s.labelersMayWriteDemos());
    }

    /**
     * Checks every field at once and marks each wrong one beside it, in the form's words; what
     * the service still refuses (a name taken) lands on its field too.
     */
    private void save() {
        FieldMarks marks = new FieldMarks().on("name", name).on("guidelines", guidelines).on("k", k)
                .on("overlap", overlap).on("leaseMinutes", lease);
        marks.clear();
        boolean ok = true;
        if (name.getValue().isBlank()) {
            ok = marks.mark("name", "Give the project a name.");
        }
        if (k.isInvalid() || k.getValue() == null || k.getValue() < 2 || k.getValue() > 9) {
            ok = marks.mark("k", "K must be a whole number from 2 to 9.");
        }
        if (overlap.getValue() == null || overlap.getValue() < 1 || overlap.getValue() > 100) {
            ok = marks.mark("overlap", "Overlap must be a whole number from 1 to 100.");
        }
        if (lease.getValue() == null || lease.getValue() < 1 || lease.getValue() > 24 * 60) {
            ok = marks.mark("leaseMinutes", "The lease must be a whole number of minutes from 1 to 1440 (a day).");
        }
        if (!ok) {
            return;
        }
        var settings = new ProjectSettings(name.getValue(), guidelines.getValue(), k.getValue(), overlap.getValue(),
                randomize.getValue(), labelersDemos.getValue(), lease.getValue());
        try {
            ProjectView saved = editing == null ? projects.create(settings) : projects.update(editing.id(), settings);
            Ui.success("Saved project " + saved.name());
            refresh();
            edit(saved);
        } catch (RuntimeException e) {
            marks.show(e);
        }
    }

    private void refresh() {
        grid.setItems(projects.list());
    }
}
