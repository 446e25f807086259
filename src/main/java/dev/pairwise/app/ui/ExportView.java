package dev.pairwise.app.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AttachmentType;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import dev.pairwise.labeling.demo.DemoStatus;
import dev.pairwise.labeling.export.DemoFormat;
import dev.pairwise.labeling.export.ExportService;
import dev.pairwise.labeling.export.PairFormat;
import dev.pairwise.labeling.project.ProjectService;
import dev.pairwise.labeling.project.ProjectView;
import jakarta.annotation.security.RolesAllowed;
import org.jspecify.annotations.Nullable;

/**
 * Downloads for training: preference pairs as TRL or HH-RLHF JSONL, approved demonstrations as
 * prompt/completion or chat messages. Each link streams straight from the database.
 */
@Route(value = "export", layout = MainLayout.class)
@PageTitle("Export · Pairwise")
@RolesAllowed({"ADMIN", "RESEARCHER"})
public class ExportView extends Div {

    private final ExportService exports;
    private final Div links = new Div();

    ExportView(ExportService exports, ProjectService projects) {
        this.exports = exports;
        addClassName("page");
        ProjectPicker picker = new ProjectPicker(projects, "export-project");
        picker.addValueChangeListener(e -> show(e.getValue()));
        links.addClassName("export-links");
        add(new H2("Export"), picker, links,
                new Paragraph("Scripts get the same files from the REST API under /api, with an API token."));
        show(picker.getValue());
    }

    private void show(@Nullable ProjectView project) {
        links.removeAll();
        if (project == null) {
            return;
        }
        long id = project.id();
        String base = slug(project.name());
        links.add(new H3("Preference pairs"),
                link("TRL pairs (prompt, chosen, rejected)", "export-pairs-trl", base + "-pairs-trl.jsonl",
                        out -> exports.exportPairs(id, PairFormat.TRL, out)),
                link("HH-RLHF (chosen / rejected dialogues)", "export-pairs-hh", base + "-pairs-hh-rlhf.jsonl",
                        out -> exports.exportPairs(id, PairFormat.HH_RLHF, out)),
                new H3("Approved demonstrations"),
                link("Prompt / completion", "export-demos-completion", base + "-sft-prompt-completion.jsonl",
                        out -> exports.exportDemonstrations(id, DemoFormat.PROMPT_COMPLETION, DemoStatus.APPROVED, out)),
                link("Chat messages", "export-demos-messages", base + "-sft-messages.jsonl",
                        out -> exports.exportDemonstrations(id, DemoFormat.MESSAGES, DemoStatus.APPROVED, out)));
    }

    private interface Writer {
        void write(java.io.OutputStream out) throws java.io.IOException;
    }

    private static Div link(String label, String testId, String fileName, Writer writer) {
        DownloadHandler handler = event -> {
            event.setFileName(fileName);
            event.setContentType("application/x-ndjson");
            writer.write(event.getOutputStream());
        };
        Anchor anchor = new Anchor(handler, AttachmentType.DOWNLOAD, label);
        anchor.setId(testId);
        Ui.testId(anchor, testId);
        Span file = new Span(fileName);
        file.addClassName("meta");
        Div row = new Div(anchor, file);
        row.addClassName("export-row");
        return row;
    }

    private static String slug(String name) {
        String s = name.toLowerCase().replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        return s.isEmpty() ? "project" : s;
    }
}
