package dev.pairwise.app.ui.jobs;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AttachmentType;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import dev.pairwise.app.registry.CheckpointArchive;
import dev.pairwise.app.registry.CheckpointKind;
import dev.pairwise.app.registry.CheckpointView;
import dev.pairwise.app.registry.ModelRegistry;
import dev.pairwise.app.ui.MainLayout;
import jakarta.annotation.security.RolesAllowed;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The model registry: every checkpoint with its kind, parent, producing job, date and headline
 * metrics, filtered by kind. Selecting one shows its lineage (tokenizer/base → SFT → reward →
 * policy, following parent ids), its metrics and a zip download of its folder; selecting two
 * puts their metrics side by side. A click on a row selects it (or drops it again). {@code ?checkpoint=<id>} preselects one (links from a job's page).
 */
@Route(value = "models", layout = MainLayout.class)
@PageTitle("Models · Pairwise")
@RolesAllowed({"RESEARCHER", "ADMIN"})
public class ModelsView extends Div implements BeforeEnterObserver {

    private final ModelRegistry registry;
    private final Select<CheckpointKind> kind = new Select<>();
    private final Grid<CheckpointView> grid = new Grid<>();
    private final Div details = JobsUi.testId(new Div(), "model-details");
    private Map<Long, CheckpointView> byId = Map.of();

    ModelsView(ModelRegistry registry) {
        this.registry = registry;
        addClassName("page");
        kind.setLabel("Kind");
        kind.setId("models-filter-kind");
        kind.setItems(CheckpointKind.values());
        kind.setEmptySelectionAllowed(true);
        kind.setEmptySelectionCaption("All kinds");
        kind.addValueChangeListener(e -> refresh());

        grid.setId("models-grid");
        grid.setSelectionMode(Grid.SelectionMode.MULTI);
        grid.addColumn(CheckpointView::id).setHeader("Id").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(CheckpointView::name).setHeader("Name").setAutoWidth(true);
        grid.addColumn(CheckpointView::kind).setHeader("Kind").setAutoWidth(true);
        grid.addColumn(c -> c.parentId() == null ? "–" : label(c.parentId())).setHeader("Parent");
        grid.addComponentColumn(c -> c.jobId() == null ? new Span("–") : new Anchor("jobs/" + c.jobId(), "#" + c.jobId()))
                .setHeader("Job").setAutoWidth(true);
        grid.addColumn(c -> JobsUi.time(c.createdAt())).setHeader("Created").setAutoWidth(true);
        grid.addColumn(c -> Metrics.headline(c.metrics())).setHeader("Headline metrics").setFlexGrow(3)
                .setTooltipGenerator(c -> c.metrics());
        grid.setAllRowsVisible(true);
        grid.addSelectionListener(e -> showDetails(List.copyOf(e.getAllSelectedItems())));
        // A click on a row opens it (a second click closes it); a second row clicked compares the two.
        grid.addItemClickListener(e -> {
            if (grid.getSelectedItems().contains(e.getItem())) {
                grid.deselect(e.getItem());
            } else {
                grid.select(e.getItem());
            }
        });
        add(new H2("Model registry"), kind, grid, details);
        refresh();
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        event.getLocation().getQueryParameters().getSingleParameter("checkpoint")
                .filter(s -> s.matches("[0-9]{1,18}")).map(Long::valueOf).map(byId::get)
                .ifPresent(c -> grid.select(c));
    }

    private void refresh() {
        List<CheckpointView> all = registry.list(null);
        byId = all.stream().collect(Collectors.toMap(CheckpointView::id, Function.identity()));
        grid.setItems(kind.getValue() == null ? all : all.stream().filter(c -> c.kind() == kind.getValue()).toList());
    }

    private String label(long id) {
        CheckpointView c = byId.get(id);
        return c == null ? "#" + id : "#" + id + " " + c.name();
    }

    private void showDetails(List<CheckpointView> selected) {
        details.removeAll();
        if (selected.size() == 1) {
            CheckpointView c = selected.getFirst();
            details.add(new H3("#" + c.id() + " " + c.name() + " (" + c.kind() + ")"), new H3("Lineage"), lineage(c),
                    new H3("Metrics"), metrics(c), download(c));
        } else if (selected.size() == 2) {
            details.add(new H3("Side by side"), compare(selected.get(0), selected.get(1)));
        } else if (selected.size() > 2) {
            details.add(new Span("Select one checkpoint for its lineage, two to compare them."));
        }
    }

    /**
     * The chain from the root to {@code c} (base → SFT → ...), then everything trained from
     * {@code c} as an indented tree (reward models and policies branch off an SFT model).
     */
    private Div lineage(CheckpointView c) {
        List<CheckpointView> chain = new ArrayList<>();
        Set<Long> seen = new HashSet<>();
        for (CheckpointView at = c; at != null && seen.add(at.id()); at = at.parentId() == null ? null : byId.get(at.parentId())) {
            chain.addFirst(at);
        }
        Div tree = JobsUi.testId(new Div(), "model-lineage");
        tree.addClassName("lineage");
        for (int depth = 0; depth < chain.size(); depth++) {
            tree.add(row(chain.get(depth), depth, chain.get(depth).id() == c.id()));
        }
        descendants(tree, c, chain.size(), seen);
        return tree;
    }

    private void descendants(Div tree, CheckpointView parent, int depth, Set<Long> seen) {
        byId.values().stream().filter(x -> Long.valueOf(parent.id()).equals(x.parentId()))
                .sorted(Comparator.comparingLong(CheckpointView::id)).filter(x -> seen.add(x.id()))
                .forEach(child -> {
                    tree.add(row(child, depth, false));
                    descendants(tree, child, depth + 1, seen);
                });
    }

    private static Div row(CheckpointView at, int depth, boolean selected) {
        Span text = new Span((depth == 0 ? "" : "└ ") + at.kind() + " · #" + at.id() + " " + at.name()
                + (at.jobId() == null ? "" : " (job #" + at.jobId() + ")"));
        if (selected) {
            text.getStyle().set("font-weight", "bold");
        }
        Div row = new Div(text);
        row.getStyle().set("padding-left", depth * 1.5 + "em");
        return row;
    }

    /** Every metric of one checkpoint, integral counts in full. */
    private static Grid<Map.Entry<String, String>> metrics(CheckpointView c) {
        Grid<Map.Entry<String, String>> table = new Grid<>();
        table.setId("model-metrics");
        table.addColumn(Map.Entry::getKey).setHeader("Metric");
        table.addColumn(Map.Entry::getValue).setHeader("Value");
        table.setItems(List.copyOf(Metrics.flat(c.metrics()).entrySet()));
        table.setAllRowsVisible(true);
        return table;
    }

    private static Div download(CheckpointView c) {
        DownloadHandler zip = event -> {
            event.setFileName(CheckpointArchive.fileName(c));
            event.setContentType("application/zip");
            CheckpointArchive.write(c, event.getOutputStream());
        };
        Anchor link = new Anchor(zip, AttachmentType.DOWNLOAD, "Download " + CheckpointArchive.fileName(c));
        link.setId("model-download");
        return new Div(link);
    }

    private static Grid<String[]> compare(CheckpointView a, CheckpointView b) {
        Map<String, String> ma = Metrics.flat(a.metrics());
        Map<String, String> mb = Metrics.flat(b.metrics());
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"kind", a.kind().name(), b.kind().name()});
        rows.add(new String[] {"parent", String.valueOf(a.parentId()), String.valueOf(b.parentId())});
        rows.add(new String[] {"job", String.valueOf(a.jobId()), String.valueOf(b.jobId())});
        new java.util.TreeSet<>(union(ma, mb)).forEach(k ->
                rows.add(new String[] {k, ma.getOrDefault(k, "–"), mb.getOrDefault(k, "–")}));
        Grid<String[]> grid = new Grid<>();
        grid.setId("models-compare");
        grid.addColumn(r -> r[0]).setHeader("Metric");
        grid.addColumn(r -> r[1]).setHeader("#" + a.id() + " " + a.name());
        grid.addColumn(r -> r[2]).setHeader("#" + b.id() + " " + b.name());
        grid.setItems(rows);
        grid.setAllRowsVisible(true);
        return grid;
    }

    private static List<String> union(Map<String, String> a, Map<String, String> b) {
        List<String> keys = new ArrayList<>(a.keySet());
        keys.addAll(b.keySet());
        return keys;
    }
}
