package dev.pairwise.app.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.UploadHandler;
import dev.pairwise.labeling.importing.ImportFormat;
import dev.pairwise.labeling.importing.ImportItem;
import dev.pairwise.labeling.importing.ImportLineError;
import dev.pairwise.labeling.importing.ImportPreview;
import dev.pairwise.labeling.importing.ImportRejectedException;
import dev.pairwise.labeling.importing.ImportResult;
import dev.pairwise.labeling.importing.ImportService;
import dev.pairwise.labeling.project.ProjectService;
import dev.pairwise.labeling.project.ProjectView;
import jakarta.annotation.security.RolesAllowed;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Import prompts with responses (or judged pairs) from a file, or from pasted lines: first a
 * preview with the bad lines by number and reason, then "Import" stores it whole or not at all.
 */
@Route(value = "admin/import", layout = MainLayout.class)
@PageTitle("Import · Pairwise")
@RolesAllowed("ADMIN")
public class ImportView extends Div {

    private static final Map<ImportFormat, String> HELP = Map.of(
            ImportFormat.JSONL, "One JSON object per line: {\"prompt\": \"...\", \"responses\": [\"...\", \"...\"]}. "
                    + "A response may also be {\"text\", \"origin\": \"imported|human|model\", \"model\", \"settings\"}.",
            ImportFormat.CSV, "A header row with a 'prompt' column and two or more 'response…' columns; "
                    + "quoted fields may hold commas and line breaks.",
            ImportFormat.HH_RLHF, "Anthropic HH-RLHF: {\"chosen\": \"\\n\\nHuman: …\\n\\nAssistant: …\", \"rejected\": …} "
                    + "per line; imported as judged pairs.",
            ImportFormat.TRL, "TRL preference rows: {\"prompt\", \"chosen\", \"rejected\"} (strings or chat messages); "
                    + "imported as judged pairs.",
            ImportFormat.BATTLES, "Battle votes (Chatbot Arena): {\"prompt\", \"model_a\", \"model_b\", \"answer_a\", "
                    + "\"answer_b\", \"winner\": \"a|b|tie|both_bad\", \"labeler\"?}; imported as judged battles "
                    + "between the named systems, for the leaderboard.");

    private final ImportService imports;
    private final ProjectPicker project;
    private final Select<ImportFormat> format = new Select<>();
    private final Span formatHelp = new Span();
    private final TextArea pasted = new TextArea("…or paste lines");
    private final Div result = new Div();
    private final Button apply = new Button("Import", VaadinIcon.CHECK.create());
    // Written by the upload request, read by the next UI request.
    private volatile byte[] content = new byte[0];
    private volatile String source = "";

    ImportView(ImportService imports, ProjectService projects) {
        this.imports = imports;
        this.project = new ProjectPicker(projects, "import-project");
        addClassName("page");

        format.setLabel("Format");
        format.setId("import-format");
        format.setItems(ImportFormat.values());
        format.setValue(ImportFormat.JSONL);
        format.addValueChangeListener(e -> {
            formatHelp.setText(HELP.getOrDefault(e.getValue(), ""));
            clearPreview();
        });
        formatHelp.setText(HELP.get(ImportFormat.JSONL));
        formatHelp.addClassName("hint");
        project.addValueChangeListener(e -> clearPreview());

        Upload upload = new Upload(UploadHandler.inMemory((metadata, data) -> {
            // Runs on the upload request; the preview follows in the succeeded listener.
            content = data;
            source = metadata.fileName();
        }));
        upload.setId("import-upload");
        upload.setMaxFiles(1);
        upload.setMaxFileSize(64 * 1024 * 1024);
        upload.setAcceptedFileTypes(".jsonl", ".json", ".csv", ".txt", "application/json", "text/csv", "text/plain");
        // A client-side event, so the preview comes back in a normal round trip (no push needed).
        upload.getElement().addEventListener("upload-success", e -> {
            preview();
            upload.clearFileList(); // ready for the corrected file
        });
        upload.addFileRejectedListener(e -> Ui.error("File: " + e.getErrorMessage()));

        pasted.setId("import-text");
        pasted.setWidthFull();
        pasted.setMinRows(4);
        pasted.setPlaceholder("{\"prompt\": \"…\", \"responses\": [\"…\", \"…\"]}");
        Button previewPasted = new Button("Preview pasted lines", VaadinIcon.EYE.create(), e -> {
            content = pasted.getValue().getBytes(StandardCharsets.UTF_8);
            source = "pasted";
            preview();
        });
        previewPasted.setId("import-preview-pasted");

        apply.setId("import-apply");
        apply.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        apply.setEnabled(false);
        apply.addClickListener(e -> apply());
        result.setId("import-result");
        Ui.testId(result, "import-result");

        HorizontalLayout choices = new HorizontalLayout(project, format);
        add(new H2("Import"), choices, formatHelp, upload, pasted, previewPasted, result, apply);
    }

    private void clearPreview() {
        result.removeAll();
        apply.setEnabled(false);
    }

    private void preview() {
        result.removeAll();
        apply.setEnabled(false);
        ProjectView p = project.getValue();
        if (p == null) {
            Ui.error("Project: create a project first.");
            return;
        }
        if (content.length == 0) {
            Ui.error("File: it is empty.");
            return;
        }
        try {
            ImportPreview preview = imports.preview(p.id(), format.getValue(), new ByteArrayInputStream(content));
            showPreview(preview);
            apply.setEnabled(preview.ok());
        } catch (RuntimeException e) {
            Ui.error(Ui.messageOf(e));
        }
    }

    private void showPreview(ImportPreview preview) {
        Span summary = new Span(preview.lines() + " lines read from " + source + ": " + preview.goodItems()
                + " good, " + preview.errorCount() + " bad."
                + (preview.ok() ? " Ready to import." : " Fix the bad lines and upload again: nothing is imported while any line is bad."));
        Ui.testId(summary, "import-summary");
        summary.addClassName(preview.ok() ? "import-ok" : "preview-errors");
        result.add(new H3("Preview"), summary);
        if (!preview.errors().isEmpty()) {
            result.add(errorList(preview.errors(), preview.errorCount()));
        }
        if (!preview.sample().isEmpty()) {
            Grid<ImportItem> sample = new Grid<>();
            sample.setId("import-sample");
            sample.addColumn(ImportView::line).setHeader("Line").setAutoWidth(true).setFlexGrow(0);
            sample.addColumn(ImportView::promptOf).setHeader("Prompt").setFlexGrow(1);
            sample.addComponentColumn(ImportView::detailOf).setHeader("Responses").setFlexGrow(2);
            sample.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
            sample.setItems(preview.sample());
            sample.setAllRowsVisible(true);
            result.add(new Paragraph("First good lines, as they will be stored:"), sample);
        }
    }

    private Div errorList(List<ImportLineError> errors, int total) {
        Div list = new Div();
        list.setId("import-errors");
        Ui.testId(list, "import-error-list");
        list.addClassName("preview-errors");
        errors.forEach(err -> {
            Div row = new Div(new Span("Line " + err.line() + ": " + err.reason()));
            Ui.testId(row, "import-error-line-" + err.line());
            row.getElement().setAttribute("data-line", Integer.toString(err.line()));
            list.add(row);
        });
        if (total > errors.size()) {
            list.add(new Div(new Span("… and " + (total - errors.size()) + " more bad lines.")));
        }
        return list;
    }

    private void apply() {
        ProjectView p = project.getValue();
        if (p == null || content.length == 0) {
            return;
        }
        try {
            ImportResult r = imports.importFile(p.id(), format.getValue(), source, new ByteArrayInputStream(content));
            result.removeAll();
            Span done = new Span("Imported " + r.prompts() + " prompts with " + r.responses() + " responses, "
                    + r.tasks() + " tasks" + (r.judgments() > 0 ? ", " + r.judgments() + " judgments and "
                    + r.pairs() + " pairs" : "") + " into " + p.name() + ".");
            Ui.testId(done, "import-done");
            result.add(done);
            Ui.success("Import finished.");
            apply.setEnabled(false);
            content = new byte[0];
        } catch (ImportRejectedException e) {
            result.removeAll();
            Span failed = new Span("Nothing was imported: " + e.errorCount() + " bad lines.");
            failed.addClassName("preview-errors");
            result.add(failed, errorList(e.errors(), e.errorCount()));
            Ui.error("Nothing was imported: " + e.errorCount() + " bad lines.");
        } catch (RuntimeException e) {
            Ui.error(Ui.messageOf(e));
        }
    }

    private static int line(ImportItem item) {
        return switch (item) {
            case ImportItem.Ranked r -> r.line();
            case ImportItem.Pair p -> p.line();
            case ImportItem.Battle b -> b.line();
        };
    }

    private static String promptOf(ImportItem item) {
        String text = switch (item) {
            case ImportItem.Ranked r -> r.prompt().text();
            case ImportItem.Pair p -> p.prompt();
            case ImportItem.Battle b -> b.prompt();
        };
        return clip(text);
    }

    /** The responses of a line as text, one per row, so the admin sees what will be ranked. */
    private static Div detailOf(ImportItem item) {
        Div cell = new Div();
        cell.addClassName("import-responses");
        Ui.testId(cell, "import-sample-responses-" + line(item));
        switch (item) {
            case ImportItem.Ranked r -> {
                int n = 1;
                for (var response : r.prompt().responses()) {
                    cell.add(new Div(n++ + ". " + clip(response.text())));
                }
            }
            case ImportItem.Pair p -> cell.add(new Div("chosen: " + clip(p.chosen())),
                    new Div("rejected: " + clip(p.rejected()) + (p.margin() > 1 ? " (margin " + p.margin() + ")" : "")));
            case ImportItem.Battle b -> cell.add(new Div(b.modelA() + ": " + clip(b.answerA())),
                    new Div(b.modelB() + ": " + clip(b.answerB())),
                    new Div("verdict: " + switch (b.winner()) {
                        case A -> b.modelA() + " wins";
                        case B -> b.modelB() + " wins";
                        case TIE -> "tie";
                        case BOTH_BAD -> "both bad";
                    }));
        }
        return cell;
    }

    private static String clip(String text) {
        String flat = text.replaceAll("\\s+", " ").strip();
        return flat.length() > 160 ? flat.substring(0, 157) + "…" : flat;
    }
}
