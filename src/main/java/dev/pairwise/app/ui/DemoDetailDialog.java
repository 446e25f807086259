package dev.pairwise.app.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.markdown.Markdown;
import com.vaadin.flow.component.textfield.TextArea;
import dev.pairwise.labeling.demo.DemoEditView;
import dev.pairwise.labeling.demo.DemoStatus;
import dev.pairwise.labeling.demo.DemonstrationService;
import dev.pairwise.labeling.demo.DemonstrationView;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * One demonstration in full, with what the viewer may do next: the author revises or submits a
 * draft (or a rejected one); an admin approves or rejects a submitted one, with a note, and may
 * edit someone else's as it stands (the edit is kept with who made it and the original). Nobody
 * approves their own but the only admin, and the dialog says which applies.
 */
final class DemoDetailDialog extends Dialog {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(ZoneId.systemDefault());

    private final DemonstrationService demos;
    private final long me;
    private final boolean admin;
    private final Consumer<DemonstrationView> edit;
    private final Runnable onChange;

    DemoDetailDialog(DemonstrationService demos, long me, boolean admin, DemonstrationView demo,
            Consumer<DemonstrationView> edit, Runnable onChange) {
        this.demos = demos;
        this.me = me;
        this.admin = admin;
        this.edit = edit;
        this.onChange = onChange;
        setWidth("min(860px, 95vw)");
        Ui.testId(this, "demo-dialog");
        show(demo);
    }

    private void show(DemonstrationView demo) {
        removeAll();
        getFooter().removeAll();
        setHeaderTitle("Demonstration " + demo.id());
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
        List<DemoEditView> edits = admin ? demos.edits(demo.id()) : List.of();
        if (!edits.isEmpty()) {
            add(history(edits));
        }

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
                    "Submitted for review."));
            submit.setId("demo-detail-submit");
            getFooter().add(submit);
        }
        if (admin && !author && demo.status() != DemoStatus.DRAFT) {
            Button editText = new Button("Edit text", e -> editInPlace(demo));
            editText.setId("demo-edit");
            getFooter().add(editText);
        }
        if (admin && demo.status() == DemoStatus.SUBMITTED) {
            review(demo, author);
        }
        Button close = new Button("Close", e -> close());
        close.setId("demo-close");
        getFooter().add(close);
    }

    private void review(DemonstrationView demo, boolean author) {
        boolean onlyAdmin = author && demos.isOnlyAdmin(me);
        if (author) {
            Paragraph own = new Paragraph(onlyAdmin
                    ? "You wrote this demonstration. You are the only admin, so you may approve it yourself."
                    : "You wrote this demonstration: another admin must approve it. You may reject it.");
            own.addClassName("hint");
            Ui.testId(own, "own-demo-note");
            add(own);
        }
        TextArea note = new TextArea("Review note (required to reject)");
        note.setId("demo-review-note");
        note.setWidthFull();
        add(note);
        Button reject = new Button("Reject", e -> run(() -> demos.review(me, demo.id(), false, note.getValue()),
                "Rejected."));
        reject.setId("demo-reject");
        reject.addThemeVariants(ButtonVariant.LUMO_ERROR);
        Button approve = new Button("Approve", e -> run(() -> demos.review(me, demo.id(), true, note.getValue()),
                "Approved."));
        approve.setId("demo-approve");
        approve.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SUCCESS);
        approve.setEnabled(!author || onlyAdmin);
        getFooter().add(reject, approve);
    }

    /** The reviewer's edit: the text in two fields; saving keeps the status and records the edit. */
    private void editInPlace(DemonstrationView demo) {
        removeAll();
        getFooter().removeAll();
        setHeaderTitle("Edit demonstration " + demo.id());
        TextArea instruction = new TextArea("Instruction");
        instruction.setId("demo-edit-instruction");
        instruction.setValue(demo.instruction());
        instruction.setWidthFull();
        TextArea response = new TextArea("Response");
        response.setId("demo-edit-response");
        response.setValue(demo.response());
        response.setWidthFull();
        response.setMinRows(6);
        Paragraph hint = new Paragraph("Your edit is kept with your name; " + demo.authorName()
                + "'s original stays on record.");
        hint.addClassName("hint");
        add(instruction, response, hint);
        Button save = new Button("Save edit", e -> {
            try {
                DemonstrationView saved = demos.update(me, demo.id(), instruction.getValue(), response.getValue());
                Ui.success("Edit saved.");
                onChange.run();
                show(saved);
            } catch (RuntimeException ex) {
                Ui.error(Ui.messageOf(ex));
            }
        });
        save.setId("demo-save-edit");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button cancel = new Button("Cancel", e -> show(demo));
        getFooter().add(cancel, save);
    }

    /** Who edited, when, and the original (the text before the first edit). */
    private static Details history(List<DemoEditView> edits) {
        Div list = new Div();
        for (DemoEditView e : edits) {
            list.add(new Paragraph("Edited by " + e.editorName() + " on " + WHEN.format(e.editedAt())));
        }
        DemoEditView first = edits.getFirst();
        list.add(label("Original instruction"), new Markdown(first.instructionBefore()),
                label("Original response"), new Markdown(first.responseBefore()));
        Details details = new Details("Edited " + edits.size() + (edits.size() == 1 ? " time" : " times")
                + " by reviewers · last by " + edits.getLast().editorName(), list);
        Ui.testId(details, "demo-edit-history");
        return details;
    }

    private void run(Runnable action, String done) {
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
