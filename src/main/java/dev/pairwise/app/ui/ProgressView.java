package dev.pairwise.app.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.pairwise.labeling.progress.LabelerProgress;
import dev.pairwise.labeling.progress.ProgressService;
import dev.pairwise.labeling.progress.ProjectProgress;
import dev.pairwise.labeling.project.ProjectService;
import dev.pairwise.labeling.project.ProjectView;
import jakarta.annotation.security.RolesAllowed;
import org.jspecify.annotations.Nullable;

/** How far a project is: tasks done of wanted, judgments per labeler, median time on task. */
@Route(value = "admin/progress", layout = MainLayout.class)
@PageTitle("Progress · Pairwise")
@RolesAllowed("ADMIN")
public class ProgressView extends Div {

    private final ProgressService progress;
    private final Div body = new Div();

    ProgressView(ProgressService progress, ProjectService projects) {
        this.progress = progress;
        addClassName("page");
        ProjectPicker picker = new ProjectPicker(projects, "progress-project");
        picker.addValueChangeListener(e -> show(e.getValue()));
        add(new H2("Progress"), picker, body);
        show(picker.getValue());
    }

    private void show(@Nullable ProjectView project) {
        body.removeAll();
        if (project == null) {
            return;
        }
        ProjectProgress p = progress.progress(project.id());
        double done = p.judgmentsWanted() == 0 ? 0 : Math.min(1.0, (double) p.judgments() / p.judgmentsWanted());
        ProgressBar bar = new ProgressBar(0, 1, done);
        bar.setId("progress-bar");
        Div stats = new Div(
                Ui.stat("Tasks done (of " + p.tasks() + ")", Long.toString(p.tasksDone()), "stat-tasks"),
                Ui.stat("Judgments (of " + p.judgmentsWanted() + " wanted)", Long.toString(p.judgments()), "stat-judgments"),
                Ui.stat("Preference pairs", Long.toString(p.pairs()), "stat-pairs"),
                Ui.stat("Imported judgments", Long.toString(p.importedJudgments()), "stat-imported"),
                Ui.stat("AI judgments (not counted above)", Long.toString(p.aiJudgments()), "stat-ai"),
                Ui.stat("Open leases", Long.toString(p.activeLeases()), "stat-leases"),
                Ui.stat("Median time on task", seconds(p.medianTimeMs()), "stat-median"));
        stats.addClassName("stats");
        Grid<LabelerProgress> labelers = new Grid<>();
        labelers.setId("progress-labelers");
        labelers.addColumn(LabelerProgress::username).setHeader("Labeler");
        labelers.addColumn(LabelerProgress::judgments).setHeader("Judgments");
        labelers.addColumn(l -> seconds(l.medianTimeMs())).setHeader("Median time");
        labelers.setItems(p.labelers());
        labelers.setAllRowsVisible(true);
        body.add(bar, stats, new H3("Judgments per labeler"), labelers);
    }

    private static String seconds(@Nullable Long ms) {
        return ms == null ? "–" : String.format("%.1f s", ms / 1000.0);
    }
}
