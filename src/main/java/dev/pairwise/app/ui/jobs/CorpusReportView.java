package dev.pairwise.app.ui.jobs;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.NativeTable;
import com.vaadin.flow.component.html.NativeTableRow;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.pairwise.app.corpora.CorpusStore;
import dev.pairwise.app.ui.MainLayout;
import dev.pairwise.labeling.InvalidInputException;
import jakarta.annotation.security.RolesAllowed;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * The report of a corpus a CORPUS job cleaned ({@code report.json} and its lineage, kept beside the
 * corpus in the store): documents in and out of each stage, the earliest removed documents of each
 * stage, removals per quality rule, exact and near duplicate cluster sizes, the language histogram,
 * the perplexity threshold, and every setting. Linked from the job's page and the corpus list.
 */
@Route(value = "corpora/:name", layout = MainLayout.class)
@PageTitle("Corpus report · Pairwise")
@RolesAllowed({"RESEARCHER", "ADMIN"})
public class CorpusReportView extends Div implements BeforeEnterObserver {

    private final CorpusStore corpora;

    CorpusReportView(CorpusStore corpora) {
        this.corpora = corpora;
        addClassName("page");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String name = event.getRouteParameters().get("name").orElseThrow(NotFoundException::new);
        @Nullable String json;
        try {
            json = corpora.report("name", name).orElse(null);
        } catch (InvalidInputException e) {
            throw new NotFoundException("No corpus " + name);
        }
        removeAll();
        add(new Anchor("corpora", "← All corpora"), new H2("Corpus " + name));
        if (json == null) {
            add(JobsUi.testId(new Paragraph("An upload: no cleaning report. Run a CORPUS job on it to clean it."),
                    "corpus-report-none"));
            return;
        }
        show(ConfigJson.JSON.readTree(json));
    }

    private void show(JsonNode lineage) {
        JsonNode report = lineage.path("report");
        long job = lineage.path("job_id").asLong();
        Paragraph made = new Paragraph("Cleaned from " + lineage.path("source").asString() + " by ");
        made.add(JobsUi.testId(new Anchor("jobs/" + job, "job #" + job), "corpus-report-job"));
        made.add(String.format(Locale.ROOT, " on %s in %.1f s: %,d documents in, %,d out.",
                report.path("engine").asString(), report.path("seconds").asDouble(),
                report.path("docs_in").asLong(), report.path("docs_out").asLong()));
        add(JobsUi.testId(made, "corpus-report-lineage"));

        add(new H3("Stages"), stages(report));
        if (report.path("settings").path("pii").path("enabled").asBoolean()) {
            add(JobsUi.testId(new Paragraph(String.format(Locale.ROOT,
                    "Personal data: %,d replaced (e-mail addresses, phone numbers, IP addresses) in %,d documents.",
                    report.path("pii_replaced").asLong(), report.path("pii_documents").asLong())), "corpus-report-pii"));
        }
        add(new H3("Removed documents (the earliest of each stage)"), examples(report));
        JsonNode rules = report.path("quality_rules");
        if (!rules.isEmpty()) {
            add(new H3("Quality rules"), countTable("corpus-report-quality", "Rule", "Removed", rules, false));
        }
        add(new H3("Duplicate clusters"),
                countTable("corpus-report-exact-clusters", "Exact: cluster size", "Clusters",
                        report.path("exact_duplicate_cluster_sizes"), false),
                countTable("corpus-report-near-clusters", "Near: cluster size", "Clusters",
                        report.path("near_duplicate_cluster_sizes"), false));
        add(new H3("Languages (all documents read)"),
                countTable("corpus-report-languages", "Language", "Documents", report.path("language_histogram"), true));
        JsonNode ppl = report.path("perplexity");
        if (ppl.has("threshold")) {
            add(new H3("Perplexity"), new Paragraph(String.format(Locale.ROOT,
                    "%,d documents scored; kept below the %.0fth percentile, perplexity %.2f.",
                    ppl.path("scored").asLong(), ppl.path("keep_percentile").asDouble(), ppl.path("threshold").asDouble())));
        }
        Pre settings = JobsUi.testId(new Pre(ConfigJson.JSON.writerWithDefaultPrettyPrinter()
                .writeValueAsString(report.path("settings"))), "corpus-report-settings");
        settings.addClassName("monospace");
        add(new H3("Settings"), settings);
    }

    /** Documents into and out of each stage, in pipeline order. */
    private static Component stages(JsonNode report) {
        NativeTable table = table("corpus-report-stages", "Stage", "In", "Removed", "Out");
        long in = report.path("docs_in").asLong();
        for (JsonNode stage : report.path("stages")) {
            long removed = stage.path("removed").asLong();
            String name = stage.path("stage").asString();
            row(table, "corpus-stage-" + name, name, Long.toString(in), Long.toString(removed), Long.toString(in - removed));
            in -= removed;
        }
        return table;
    }

    private static Component examples(JsonNode report) {
        NativeTable table = table("corpus-report-examples", "Stage", "Document", "Reason", "Text");
        for (JsonNode stage : report.path("stages")) {
            for (JsonNode e : stage.path("examples")) {
                row(table, null, stage.path("stage").asString(), e.path("id").asString(), e.path("reason").asString(),
                        e.path("text").asString());
            }
        }
        return table;
    }

    /** A two-column table of an object's entries; {@code byCount} sorts largest first, else keeps numeric keys in order. */
    private static Component countTable(String testId, String key, String value, JsonNode counts, boolean byCount) {
        List<Map.Entry<String, Long>> entries = new ArrayList<>();
        counts.properties().forEach(e -> entries.add(Map.entry(e.getKey(), e.getValue().asLong())));
        if (byCount) {
            entries.sort(Map.Entry.<String, Long>comparingByValue().reversed());
        } else if (entries.stream().allMatch(e -> e.getKey().matches("[0-9]{1,9}"))) {
            entries.sort(java.util.Comparator.comparingInt(e -> Integer.parseInt(e.getKey())));
        }
        NativeTable table = table(testId, key, value);
        if (entries.isEmpty()) {
            row(table, null, "none", "");
        }
        for (Map.Entry<String, Long> e : entries) {
            row(table, null, e.getKey(), String.format(Locale.ROOT, "%,d", e.getValue()));
        }
        return table;
    }

    private static NativeTable table(String testId, String... headers) {
        NativeTable table = JobsUi.testId(new NativeTable(), testId);
        table.addClassName("report-table");
        NativeTableRow head = table.getHead().addRow();
        for (String h : headers) {
            head.addHeaderCell().setText(h);
        }
        return table;
    }

    private static void row(NativeTable table, @Nullable String testId, String... cells) {
        NativeTableRow row = table.getBody().addRow();
        for (String c : cells) {
            row.addDataCell().setText(c);
        }
        if (testId != null) {
            JobsUi.testId(row, testId);
        }
    }
}
