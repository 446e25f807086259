package dev.pairwise.app.ui.jobs;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.pairwise.app.corpora.CorpusStore;
import dev.pairwise.app.jobs.DatasetKind;
import dev.pairwise.app.jobs.JobService;
import dev.pairwise.app.jobs.JobStatus;
import dev.pairwise.app.jobs.JobType;
import dev.pairwise.app.jobs.JobView;
import dev.pairwise.app.registry.CheckpointView;
import dev.pairwise.app.registry.ModelRegistry;
import dev.pairwise.app.security.CurrentUser;
import dev.pairwise.app.ui.MainLayout;
import dev.pairwise.labeling.account.Role;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One job, live: status, progress with ETA, config, dataset snapshot size, error, the checkpoints
 * it produced (linked to the registry) or, for CORPUS, a link to the cleaned corpus's report, the
 * log tail, a cancel button for researchers, and one chart per metric family. While the page is open it re-reads the job every second and pushes
 * what changed; once the job has finished it stops.
 */
@Route(value = "jobs/:id([0-9]+)", layout = MainLayout.class)
@PageTitle("Job · Pairwise")
@RolesAllowed({"RESEARCHER", "ADMIN"})
public class JobDetailView extends Div implements BeforeEnterObserver {

    private final JobService jobs;
    private final DataPaths paths;
    private final ModelRegistry registry;
    private final CorpusStore corpora;
    private final boolean mayCancel;
    private final H2 title = new H2();
    private final Span status = JobsUi.testId(new Span(), "job-status");
    private final ProgressBar bar = new ProgressBar(0, 1, 0);
    private final Span progress = JobsUi.testId(new Span(), "job-progress");
    private final Div facts = new Div();
    private final Pre config = new Pre();
    private final Div error = JobsUi.testId(new Div(), "job-error");
    private final Div produced = JobsUi.testId(new Div(), "job-checkpoints");
    private final Pre logTail = JobsUi.testId(new Pre(), "job-log");
    private final MetricCharts charts = new MetricCharts();
    private final Button cancel = new Button("Cancel job", VaadinIcon.STOP.create());
    private long id;
    private @Nullable JobView shown;

    JobDetailView(JobService jobs, ModelRegistry registry, CorpusStore corpora, CurrentUser user, UiTicker ticker,
                  DataPaths paths) {
        this.jobs = jobs;
        this.paths = paths;
        this.registry = registry;
        this.corpora = corpora;
        this.mayCancel = user.has(Role.RESEARCHER);
        addClassName("page");
        bar.setId("job-progress-bar");
        cancel.setId("job-cancel");
        cancel.addThemeVariants(ButtonVariant.LUMO_ERROR);
        cancel.addClickListener(e -> {
            show(jobs.cancel(id));
            JobsUi.success("Cancel requested for job #" + id);
        });
        cancel.setVisible(false);
        error.addClassName("job-error");
        logTail.addClassName("log-tail");
        config.addClassName("monospace");
        Div head = new Div(status, cancel);
        head.addClassName("job-head");
        ticker.whileAttached(this, 1000, this::refresh);
        add(new Anchor("jobs", "← All jobs"), title, head, bar, progress, facts, error, new H3("Metrics"), charts,
                new H3("Checkpoints"), produced, new H3("Log"), logTail, new H3("Config"), config);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        id = event.getRouteParameters().getLong("id").orElseThrow(NotFoundException::new);
        JobView job;
        try {
            job = jobs.get(id);
        } catch (dev.pairwise.labeling.NotFoundException e) {
            throw new NotFoundException("No job " + id);
        }
        shown = null; // a new job on the same view instance: redraw everything
        charts.reset();
        title.setText("Job #" + id + " · " + job.type());
        config.setText(pretty(job.config()));
        show(job);
    }

    /** Re-reads a running job; a finished one has nothing more to say. */
    private boolean refresh() {
        if (shown != null && !shown.status().isFinal()) {
            show(jobs.get(id));
        }
        return true;
    }

    private void show(JobView job) {
        charts.update(jobs.metrics(job.id()));
        if (Objects.equals(job, shown)) {
            return;
        }
        JobView previous = shown;
        shown = job;
        status.setText(job.status() + (job.cancelRequested() && !job.status().isFinal() ? " (cancelling)" : ""));
        status.getElement().setAttribute("data-status", job.status().name());
        bar.setIndeterminate(job.total() <= 0 && !job.status().isFinal());
        bar.setValue(job.total() <= 0 ? (job.status().isFinal() ? 1 : 0) : Math.min(1.0, (double) job.step() / job.total()));
        progress.setText("Step " + job.step() + (job.total() > 0 ? " of " + job.total() : "")
                + (job.status().isFinal() ? "" : " · ETA " + JobsUi.duration(job.etaSeconds())));
        facts.removeAll();
        facts.add(fact("Submitted by", job.submittedBy() == null ? "system" : job.submittedBy()),
                fact("Submitted", JobsUi.time(job.createdAt())), fact("Started", JobsUi.time(job.startedAt())),
                fact("Finished", JobsUi.time(job.finishedAt())),
                fact("App instance", job.claimedBy() == null ? "—"
                        : job.claimedBy() + (job.attempts() > 1 ? " (attempt " + job.attempts() + ", resumed)" : "")),
                fact("Device", job.device() == null ? "—" : job.device()),
                fact("Dataset snapshot", job.datasetKind() == DatasetKind.NONE || job.datasetSize() == 0 ? "none"
                        : job.datasetSize() + " " + job.datasetKind().name().toLowerCase()));
        error.setText(job.error() == null ? "" : "Error: " + job.error());
        error.setVisible(job.error() != null);
        logTail.setText(job.logTail());
        cancel.setVisible(mayCancel && !job.status().isFinal() && !job.cancelRequested());
        if (previous == null || previous.status() != job.status()
                || !Objects.equals(previous.checkpointPath(), job.checkpointPath())) {
            showCheckpoints(job); // the registry is read only when the job may have published
        }
    }

    private void showCheckpoints(JobView job) {
        produced.removeAll();
        List<CheckpointView> mine = registry.list(null).stream().filter(c -> Objects.equals(c.jobId(), job.id())).toList();
        for (CheckpointView c : mine) {
            Anchor link = new Anchor("models?checkpoint=" + c.id(), "#" + c.id() + " " + c.name() + " (" + c.kind() + ")");
            produced.add(new Div(JobsUi.testId(link, "job-checkpoint-" + c.id())));
        }
        cleanedCorpus(job).ifPresent(name -> produced.add(new Div(new Span("Cleaned corpus " + name + ": "),
                JobsUi.testId(new Anchor("corpora/" + name, "cleaning report"), "job-corpus-report"))));
        if (mine.isEmpty() && produced.getComponentCount() == 0) {
            produced.add(new Span(job.checkpointPath() == null ? "None yet."
                    : "Latest: " + paths.shown(job.checkpointPath()) + " (in the data folder)"));
        }
    }

    /** The corpus a finished CORPUS job stored, when its report is there. */
    private Optional<String> cleanedCorpus(JobView job) {
        if (job.type() != JobType.CORPUS || job.status() != JobStatus.SUCCEEDED) {
            return Optional.empty();
        }
        try {
            String source = ConfigJson.JSON.readTree(job.config()).path("corpus").asString();
            String name = CorpusStore.cleanedName(source, job.id());
            return corpora.report("corpus", name).map(report -> name);
        } catch (RuntimeException e) {
            return Optional.empty(); // the source or its cleaned corpus has been removed since
        }
    }

    private static Div fact(String label, String value) {
        Span l = new Span(label + ": ");
        l.addClassName("stat-label");
        Div d = new Div(l, new Span(value));
        d.addClassName("job-fact");
        return d;
    }

    private static String pretty(String json) {
        try {
            return ConfigJson.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(ConfigJson.JSON.readTree(json));
        } catch (RuntimeException e) {
            return json;
        }
    }
}
