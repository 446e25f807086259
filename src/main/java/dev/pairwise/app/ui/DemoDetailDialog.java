package dev.pairwise.app.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.markdown.Markdown;
import com.vaadin.flow.component.textfield.TextArea;
import dev.pairwise.labeling.demo.DemoStatus;
import dev.pairwise.labeling.demo.DemonstrationService;
import dev.pairwise.labeling.demo.DemonstrationView;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * One demonstration in full, with what the viewer may do next: the author revises or submits a
 * draft (or a rejected one); an admin approves or rejects a submitted one, with a note.
 */
final class DemoDetailDialog extends Dialog {

    DemoDetailDialog(DemonstrationService demos, long me, boolean admin, DemonstrationView demo,
            Consumer<DemonstrationView> edit, Runnable onChange) {
        setHeaderTitle("Demonstration " + demo.id());
        setWidth("min(860px, 95vw)");
        Ui.testId(this, "demo-dialog");
        Span meta = new Span("by " + demo.authorName() + (demo.reviewerName() != null
                ? " · reviewed by " + demo.reviewerName() : "") + " · source: " + demo.source());
        meta.addClassName("meta");
        Div body = new Div(DemonstrationsView.badge(demo.status()), meta,
                label("Instruction"), new Markdown(demo.instruction()),
                label("Response"), new Markdown(demo.response()));
        if (demo.reviewNote() != null && !demo.reviewNote().isBlank()) {
            body.add(label("Review note"), new Paragraph(demo.reviewNote()));
        }
        body.addClassName("demo-detail");
        add(body);

        boolean author = Objects.equals(demo.authorId(), me);
        if ((author || admin) && (demo.status() == DemoStatus.DRAFT || demo.status() == DemoStatus.REJECTED)) {
            Button revise = new Button("Revise", e -> {
                close();
                edit.accept(demo);
            });
            revise.setId("demo-revise");
            getFooter().add(revise);
        }
        if ((author || admin) && demo.status() == DemoStatus.DRAFT) {
            Button submit = new Button("Submit for review", e -> run(() -> demos.submit(me, demo.id()),
                    "Submitted for review.", onChange));
            submit.setId("demo-detail-submit");
            getFooter().add(submit);
        }
        if (admin && demo.status() == DemoStatus.SUBMITTED) {
            TextArea note = new TextArea("Review note (required to reject)");
            note.setId("demo-review-note");
            note.setWidthFull();
            add(note);
            Button reject = new Button("Reject", e -> run(() -> demos.review(me, demo.id(), false, note.getValue()),
                    "Rejected.", onChange));
            reject.setId("demo-reject");
            reject.addThemeVariants(ButtonVariant.LUMO_ERROR);
            Button approve = new Button("Approve", e -> run(() -> demos.review(me, demo.id(), true, note.getValue()),
                    "Approved.", onChange));
            approve.setId("demo-approve");
            approve.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SUCCESS);
            getFooter().add(reject, approve);
        }
        Button close = new Button("Close", e -> close());
        close.setId("demo-close");
        getFooter().add(close);
    }

    private void run(Runnable action, String done, Runnable onChange) {
        try {
            action.run();
            Ui.success(done);
            close();
            onChange.run();
        } catch (RuntimeException e) {
            Ui.error(Ui.messageOf(e));
        }
    }

    private static Span label(String text) {
        Span s = new Span(text);
        s.addClassName("section-label");
        return s;
    }
}
