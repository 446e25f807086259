package dev.pairwise.app.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.pairwise.app.security.CurrentUser;
import dev.pairwise.labeling.account.Role;
import dev.pairwise.labeling.demo.DemoQuery;
import dev.pairwise.labeling.demo.DemoStatus;
import dev.pairwise.labeling.demo.DemonstrationService;
import dev.pairwise.labeling.demo.DemonstrationView;
import dev.pairwise.labeling.project.ProjectService;
import dev.pairwise.labeling.project.ProjectView;
import jakarta.annotation.security.RolesAllowed;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.springframework.data.domain.PageRequest;

/**
 * SFT demonstrations: a searchable, filterable list (project, status, text, mine only), a
 * writer with markdown preview ({@link DemoEditor}), and review (approve/reject with a note) in
 * {@link DemoDetailDialog}. Labelers see their own demonstrations; admins see all.
 */
@Route(value = "demonstrations", layout = MainLayout.class)
@PageTitle("Demonstrations · Pairwise")
@RolesAllowed({"LABELER", "ADMIN"})
public class DemonstrationsView extends Div {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);

    private final DemonstrationService demos;
    private final long me;
    private final boolean admin;
    private final Grid<DemonstrationView> grid = new Grid<>();
    private final Select<ProjectView> project = new Select<>();
    private final Select<DemoStatus> status = new Select<>();
    private final TextField search = new TextField();
    private final Checkbox mine = new Checkbox("Only mine");
    private final DemoEditor editor;

    DemonstrationsView(DemonstrationService demos, ProjectService projects, CurrentUser currentUser) {
        this.demos = demos;
        this.me = currentUser.account().getId();
        this.admin = currentUser.has(Role.ADMIN);
        addClassName("page");
        List<ProjectView> all = projects.list();
        List<ProjectView> writable = all.stream().filter(p -> demos.mayWrite(me, p.id())).toList();
        editor = new DemoEditor(demos, me, writable, this::refresh);

        project.setLabel("Project");
        project.setId("demo-filter-project");
        project.setItems(all);
        project.setItemLabelGenerator(p -> p == null ? "All projects" : p.name());
        project.setEmptySelectionAllowed(true);
        project.setEmptySelectionCaption("All projects");
        status.setLabel("Status");
        status.setId("demo-filter-status");
        status.setItems(DemoStatus.values());
        status.setItemLabelGenerator(s -> s == null ? "Any status" : s.name().toLowerCase());
        status.setEmptySelectionAllowed(true);
        status.setEmptySelectionCaption("Any status");
        search.setLabel("Search");
        search.setId("demo-search");
        search.setPlaceholder("Text in instruction or response");
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        mine.setId("demo-filter-mine");
        mine.setValue(!admin);
        mine.setEnabled(admin);
        project.addValueChangeListener(e -> refresh());
        status.addValueChangeListener(e -> refresh());
        search.addValueChangeListener(e -> refresh());
        mine.addValueChangeListener(e -> refresh());
        HorizontalLayout filters = new HorizontalLayout(project, status, search, mine);
        filters.setAlignItems(HorizontalLayout.Alignment.BASELINE);
        filters.setWrap(true);

        grid.setId("demos-grid");
        grid.addColumn(DemonstrationView::id).setHeader("Id").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(d -> shorten(d.instruction())).setHeader("Instruction").setFlexGrow(2);
        grid.addComponentColumn(d -> badge(d.status())).setHeader("Status").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(DemonstrationView::authorName).setHeader("Author").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(d -> d.reviewerName() == null ? "" : d.reviewerName()).setHeader("Reviewer").setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(d -> DATE.format(d.updatedAt())).setHeader("Updated").setAutoWidth(true).setFlexGrow(0);
        grid.setPageSize(50);
        grid.addItemClickListener(e -> new DemoDetailDialog(demos, me, admin, e.getItem(), editor::load, this::refresh)
                .open());
        grid.setHeight("420px");

        Button write = new Button("Write a demonstration", VaadinIcon.PLUS.create(), e -> editor.startNew());
        write.setId("demo-new");
        write.setEnabled(!writable.isEmpty());
        HorizontalLayout head = new HorizontalLayout(new H2("Demonstrations"), write);
        head.setAlignItems(HorizontalLayout.Alignment.BASELINE);
        add(head, filters, grid, editor);
        refresh();
    }

    private void refresh() {
        DemoQuery query = new DemoQuery(project.getValue() == null ? null : project.getValue().id(),
                status.getValue(), mine.getValue() ? me : null, search.getValue().isBlank() ? null : search.getValue());
        grid.setItems(q -> demos.search(query,
                        PageRequest.of(q.getPage(), q.getPageSize()))
                .stream());
    }

    static Span badge(DemoStatus status) {
        Span badge = new Span(status.name().toLowerCase());
        badge.getElement().getThemeList().add(switch (status) {
            case APPROVED -> "badge success";
            case REJECTED -> "badge error";
            case SUBMITTED -> "badge";
            case DRAFT -> "badge contrast";
        });
        Ui.testId(badge, "demo-status");
        return badge;
    }

    private static String shorten(String text) {
        String oneLine = text.replaceAll("\\s+", " ").strip();
        return oneLine.length() > 90 ? oneLine.substring(0, 87) + "…" : oneLine;
    }
}
