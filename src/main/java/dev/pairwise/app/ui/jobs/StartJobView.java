package dev.pairwise.app.ui.jobs;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import dev.pairwise.app.connections.ConnectionView;
import dev.pairwise.app.connections.ModelConnections;
import dev.pairwise.app.corpora.CorpusStore;
import dev.pairwise.app.jobs.JobRequest;
import dev.pairwise.app.jobs.JobService;
import dev.pairwise.app.jobs.JobType;
import dev.pairwise.app.jobs.JobView;
import dev.pairwise.app.registry.CheckpointView;
import dev.pairwise.app.registry.ModelRegistry;
import dev.pairwise.app.security.CurrentUser;
import dev.pairwise.app.ui.MainLayout;
import dev.pairwise.labeling.InvalidInputException;
import dev.pairwise.labeling.project.ProjectService;
import dev.pairwise.labeling.project.ProjectView;
import jakarta.annotation.security.RolesAllowed;
import java.io.InputStream;
import java.util.List;

/**
 * Starts a training job: pick an installed type, fill the form its executor describes (or edit
 * the config as raw JSON), submit. A refusal is shown on the field it names, or as a message;
 * nothing is queued then. On success the job's live page opens. {@code ?type=SFT} preselects.
 */
@Route(value = "jobs/new", layout = MainLayout.class)
@PageTitle("New job · Pairwise")
@RolesAllowed("RESEARCHER")
public class StartJobView extends Div implements BeforeEnterObserver, JobForm.Choices {

    private final JobService jobs;
    private final ModelRegistry registry;
    private final ProjectService projects;
    private final CorpusStore corpora;
    private final ModelConnections connections;
    private final CurrentUser user;
    private final Select<JobType> type = new Select<>();
    private final Div formHolder = new Div();
    private final Checkbox rawMode = new Checkbox("Edit the config as JSON");
    private final TextArea raw = new TextArea("Config (JSON)");
    private final Paragraph problems = new Paragraph();
    private JobForm form = new JobForm(List.of(), this);

    StartJobView(JobService jobs, ModelRegistry registry, ProjectService projects, CorpusStore corpora,
                 ModelConnections connections, CurrentUser user) {
        this.jobs = jobs;
        this.connections = connections;
        this.registry = registry;
        this.projects = projects;
        this.corpora = corpora;
        this.user = user;
        addClassName("page");
        type.setLabel("Job type");
        type.setId("job-type");
        type.setItems(jobs.installedTypes());
        type.addValueChangeListener(e -> showForm(e.getValue()));

        rawMode.setId("job-raw-mode");
        rawMode.addValueChangeListener(e -> toggleRaw(e.getValue()));
        raw.setId("job-raw-config");
        raw.setWidthFull();
        raw.setMinRows(6);
        raw.setVisible(false);
        raw.addClassName("monospace");

        Button submit = new Button("Start job", VaadinIcon.PLAY.create(), e -> submit());
        submit.setId("job-submit");
        submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Paragraph none = new Paragraph("No trainer is installed: no job can be started on this server.");
        none.setVisible(jobs.installedTypes().isEmpty());
        problems.setId("job-form-errors");
        problems.addClassName("form-errors");
        problems.setVisible(false);
        add(new H2("New training job"), none, type, formHolder, rawMode, raw, problems, submit);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        List<String> asked = event.getLocation().getQueryParameters().getParameters().getOrDefault("type", List.of());
        List<JobType> installed = jobs.installedTypes();
        installed.stream().filter(t -> asked.contains(t.name())).findFirst()
                .or(() -> installed.stream().findFirst()).ifPresent(type::setValue);
    }

    private void showForm(JobType t) {
        formHolder.removeAll();
        form = new JobForm(t == null ? List.of() : jobs.fields(t), this);
        formHolder.add(form);
        rawMode.setValue(false);
        problems.setVisible(false);
    }

    private void toggleRaw(boolean on) {
        if (on) {
            try {
                raw.setValue(pretty(form.toJson()));
            } catch (InvalidInputException e) {
                raw.setValue("{}");
            }
        }
        raw.setVisible(on);
        form.setEnabled(!on);
    }

    private void submit() {
        raw.setInvalid(false);
        problems.setText("");
        problems.setVisible(false);
        try {
            String config = rawMode.getValue() ? raw.getValue() : form.toJson();
            JobView job = jobs.submit(new JobRequest(type.getValue(), config, user.username().orElse(null)));
            JobsUi.success("Job #" + job.id() + " queued");
            getUI().ifPresent(ui -> ui.navigate(JobDetailView.class, new RouteParameters("id", Long.toString(job.id()))));
        } catch (InvalidInputException e) {
            // At the field, in the form's words; a summary beside the button instead of a toast over the form.
            if (rawMode.getValue()) {
                raw.setErrorMessage(form.inFormWords(e.getMessage()));
                raw.setInvalid(true);
                return;
            }
            boolean onField = form.showError(e.field(), e.getMessage());
            List<String> marked = form.invalidLabels();
            problems.setText(!onField && marked.isEmpty() ? form.inFormWords(e.getMessage())
                    : marked.size() == 1 ? "Fix the marked field: " + marked.getFirst() + "."
                    : "Fix the " + marked.size() + " marked fields: " + String.join(", ", marked) + ".");
            problems.setVisible(true);
        }
    }

    private static String pretty(String json) {
        return ConfigJson.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(ConfigJson.JSON.readTree(json));
    }

    @Override
    public List<CheckpointView> checkpoints() {
        return registry.list(null);
    }

    @Override
    public List<ProjectView> projects() {
        return projects.list();
    }

    @Override
    public List<ConnectionView> connections() {
        return connections.list();
    }

    @Override
    public List<String> corpora() {
        return corpora.list().stream().map(CorpusStore.CorpusFile::name).toList();
    }

    @Override
    public String saveCorpus(String fileName, InputStream content) {
        return corpora.save(fileName, content).name();
    }
}
