package dev.pairwise.app.ui.jobs;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import dev.pairwise.app.jobs.JobService;
import dev.pairwise.app.jobs.JobStatus;
import dev.pairwise.app.jobs.JobType;
import dev.pairwise.app.jobs.JobView;
import dev.pairwise.app.security.CurrentUser;
import dev.pairwise.app.ui.MainLayout;
import dev.pairwise.labeling.account.Role;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import java.util.Objects;

/**
 * The training jobs, newest first, filtered by type, status and submitter; a row opens the job.
 * Researchers start jobs from here; admins see the list read-only. The list refreshes every two
 * seconds while open, so queued jobs are seen to start and finish.
 */
@Route(value = "jobs", layout = MainLayout.class)
@PageTitle("Jobs · Pairwise")
@RolesAllowed({"RESEARCHER", "ADMIN"})
public class JobsView extends Div {

    private final JobService jobs;
    private final Grid<JobView> grid = new Grid<>();
    private final Select<JobType> type = new Select<>();
    private final Select<JobStatus> status = new Select<>();
    private final TextField submitter = new TextField("Submitted by");
    private List<JobView> shown = List.of();

    JobsView(JobService jobs, CurrentUser user, UiTicker ticker, DataPaths paths) {
        this.jobs = jobs;
        addClassName("page");
        type.setLabel("Type");
        type.setId("jobs-filter-type");
        type.setItems(JobType.values());
        type.setEmptySelectionAllowed(true);
        type.setEmptySelectionCaption("All types");
        status.setLabel("Status");
        status.setId("jobs-filter-status");
        status.setItems(JobStatus.values());
        status.setEmptySelectionAllowed(true);
        status.setEmptySelectionCaption("All statuses");
        submitter.setId("jobs-filter-submitter");
        submitter.setValueChangeMode(ValueChangeMode.LAZY);
        type.addValueChangeListener(e -> refresh());
        status.addValueChangeListener(e -> refresh());
        submitter.addValueChangeListener(e -> refresh());

        HorizontalLayout bar = new HorizontalLayout(type, status, submitter);
        bar.setAlignItems(FlexComponent.Alignment.BASELINE);
        if (user.has(Role.RESEARCHER)) {
            Button start = new Button("New job", VaadinIcon.PLUS.create(),
                    e -> getUI().ifPresent(ui -> ui.navigate(StartJobView.class)));
            start.setId("jobs-new");
            start.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            bar.add(start);
        }

        grid.setId("jobs-grid");
        grid.addColumn(JobView::id).setHeader("Id").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(JobView::type).setHeader("Type").setAutoWidth(true);
        grid.addColumn(v -> v.status() + (v.cancelRequested() && !v.status().isFinal() ? " (cancelling)" : ""))
                .setHeader("Status").setAutoWidth(true);
        grid.addColumn(JobsView::progress).setHeader("Progress").setAutoWidth(true);
        grid.addColumn(v -> v.submittedBy() == null ? "system" : v.submittedBy()).setHeader("Submitted by");
        grid.addColumn(v -> JobsUi.time(v.createdAt())).setHeader("Submitted").setAutoWidth(true);
        grid.addColumn(v -> JobsUi.time(v.startedAt()) + " → " + JobsUi.time(v.finishedAt()))
                .setHeader("Started → finished").setAutoWidth(true);
        grid.addColumn(v -> v.checkpointPath() == null ? "–" : paths.shown(v.checkpointPath()))
                .setHeader("Checkpoint (in the data folder)");
        grid.addItemClickListener(e -> getUI().ifPresent(ui -> ui.navigate(JobDetailView.class,
                new RouteParameters("id", Long.toString(e.getItem().id())))));
        grid.setAllRowsVisible(true);

        add(new H2("Training jobs"), bar, grid);
        refresh();
        ticker.whileAttached(this, 2000, () -> {
            refresh();
            return true;
        });
    }

    private void refresh() {
        String who = submitter.getValue().strip().toLowerCase();
        List<JobView> now = jobs.recent(500).stream()
                .filter(v -> type.getValue() == null || v.type() == type.getValue())
                .filter(v -> status.getValue() == null || v.status() == status.getValue())
                .filter(v -> who.isEmpty() || v.submittedBy() != null && v.submittedBy().toLowerCase().contains(who))
                .toList();
        if (!Objects.equals(now, shown)) {
            shown = now;
            grid.setItems(now);
        }
    }

    static String progress(JobView v) {
        if (v.total() <= 0) {
            return v.step() > 0 ? "step " + v.step() : "–";
        }
        return String.format(java.util.Locale.ROOT, "%d / %d (%.0f%%)", v.step(), v.total(), 100.0 * v.step() / v.total());
    }
}
