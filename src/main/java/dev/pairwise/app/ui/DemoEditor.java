package dev.pairwise.app.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.markdown.Markdown;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.data.value.ValueChangeMode;
import dev.pairwise.labeling.demo.DemoDraft;
import dev.pairwise.labeling.demo.DemoStatus;
import dev.pairwise.labeling.demo.DemonstrationService;
import dev.pairwise.labeling.demo.DemonstrationView;
import dev.pairwise.labeling.project.ProjectView;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Writes or revises one demonstration: instruction and ideal response side by side with their
 * markdown previews; "Save draft" keeps it, "Submit for review" hands it to an admin.
 */
final class DemoEditor extends Div {

    private final DemonstrationService demos;
    private final long me;
    private final Runnable onSaved;
    private final H3 title = new H3("Write a demonstration");
    private final Select<ProjectView> project = new Select<>();
    private final TextArea instruction = new TextArea("Instruction (what the user asks)");
    private final TextArea response = new TextArea("Ideal response (markdown)");
    private final Markdown instructionPreview = new Markdown();
    private final Markdown responsePreview = new Markdown();
    private @Nullable Long editingId;

    DemoEditor(DemonstrationService demos, long me, List<ProjectView> writable, Runnable onSaved) {
        this.demos = demos;
        this.me = me;
        this.onSaved = onSaved;
        addClassName("demo-editor-box");
        setId("demo-editor");
        project.setLabel("Project");
        project.setId("demo-project");
        project.setItems(writable);
        project.setItemLabelGenerator(ProjectView::name);
        if (!writable.isEmpty()) {
            project.setValue(writable.getFirst());
        }
        instruction.setId("demo-instruction");
        response.setId("demo-response");
        for (TextArea area : List.of(instruction, response)) {
            area.setWidthFull();
            area.setMinRows(4);
            area.setValueChangeMode(ValueChangeMode.LAZY);
        }
        response.setMinRows(8);
        instruction.addValueChangeListener(e -> instructionPreview.setContent(e.getValue()));
        response.addValueChangeListener(e -> responsePreview.setContent(e.getValue()));
        instructionPreview.addClassName("markdown-preview");
        responsePreview.addClassName("markdown-preview");
        Ui.testId(responsePreview, "demo-preview");

        Div grid = new Div(instruction, preview(instructionPreview), response, preview(responsePreview));
        grid.addClassName("demo-editor");
        Button draft = new Button("Save draft", e -> save(false));
        draft.setId("demo-save-draft");
        Button submit = new Button("Submit for review", e -> save(true));
        submit.setId("demo-submit");
        submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Div actions = new Div(draft, submit);
        actions.addClassName("submit-row");
        add(title, project, grid, actions);
        setVisible(false);
    }

    private static Div preview(Markdown markdown) {
        Span label = new Span("Preview");
        label.addClassName("section-label");
        return new Div(label, markdown);
    }

    void startNew() {
        editingId = null;
        title.setText("Write a demonstration");
        project.setEnabled(true);
        instruction.clear();
        response.clear();
        setVisible(true);
        instruction.focus();
    }

    /** Loads a draft or rejected demonstration for revision. */
    void load(DemonstrationView demo) {
        editingId = demo.id();
        title.setText("Revise demonstration " + demo.id());
        project.setEnabled(false);
        instruction.setValue(demo.instruction());
        response.setValue(demo.response());
        setVisible(true);
    }

    private void save(boolean submit) {
        FieldMarks marks = new FieldMarks().on("projectId", project).on("instruction", instruction)
                .on("response", response);
        marks.clear();
        try {
            DemonstrationView saved;
            if (editingId == null) {
                if (project.getValue() == null) {
                    marks.mark("projectId", "Choose the project this demonstration belongs to.");
                    return;
                }
                saved = demos.create(me, new DemoDraft(project.getValue().id(), instruction.getValue(),
                        response.getValue(), submit));
            } else {
                saved = demos.update(me, editingId, instruction.getValue(), response.getValue());
                if (submit && saved.status() == DemoStatus.DRAFT) {
                    saved = demos.submit(me, saved.id());
                }
            }
            Ui.success("Demonstration " + saved.id() + (saved.status() == DemoStatus.SUBMITTED
                    ? " submitted for review." : " saved as draft."));
            editingId = saved.id();
            setVisible(false);
            onSaved.run();
        } catch (RuntimeException e) {
            marks.show(e);
        }
    }
}
