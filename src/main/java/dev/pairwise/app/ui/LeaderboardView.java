package dev.pairwise.app.ui;

import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.pairwise.app.leaderboard.Leaderboard;
import dev.pairwise.app.leaderboard.LeaderboardService;
import dev.pairwise.app.leaderboard.Standing;
import dev.pairwise.labeling.project.ProjectService;
import dev.pairwise.labeling.project.ProjectView;
import jakarta.annotation.security.RolesAllowed;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The Bradley–Terry leaderboard of checkpoints and imported systems (Chatbot Arena's table):
 * rank, system, Elo rating, 95% bootstrap interval, battles and win rate, over all projects or
 * one. Fitted on every ranking that put two systems' responses side by side, battles included.
 */
@Route(value = "leaderboard/:projectId?", layout = MainLayout.class)
@PageTitle("Leaderboard · Pairwise")
@RolesAllowed({"RESEARCHER", "ADMIN"})
public class LeaderboardView extends Div implements BeforeEnterObserver {

    private final LeaderboardService leaderboard;
    private final Select<ProjectView> project = new Select<>();
    private final Grid<Standing> grid = new Grid<>();
    private final Paragraph summary = new Paragraph();

    LeaderboardView(LeaderboardService leaderboard, ProjectService projects) {
        this.leaderboard = leaderboard;
        addClassName("page");
        project.setLabel("Project");
        project.setId("leaderboard-project");
        project.setItems(projects.list());
        project.setItemLabelGenerator(p -> p == null ? "All projects" : p.name());
        project.setEmptySelectionAllowed(true);
        project.setEmptySelectionCaption("All projects");
        project.setWidth("320px");
        project.addValueChangeListener(e -> show(e.getValue()));

        grid.setId("leaderboard");
        grid.addColumn(Standing::rank).setHeader("Rank").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(Standing::system).setHeader("System").setFlexGrow(1);
        grid.addColumn(s -> format("%.0f", s.elo())).setHeader("Elo").setTextAlign(ColumnTextAlign.END);
        grid.addColumn(s -> format("%.0f – %.0f", s.lower(), s.upper())).setHeader("95% CI")
                .setTextAlign(ColumnTextAlign.END);
        grid.addColumn(Standing::battles).setHeader("Battles").setTextAlign(ColumnTextAlign.END);
        grid.addColumn(s -> format("%.1f%%", 100 * s.winRate())).setHeader("Win rate")
                .setTextAlign(ColumnTextAlign.END);
        grid.setAllRowsVisible(true);
        Ui.testId(summary, "leaderboard-summary");
        add(new H2("Leaderboard"), project, summary, grid);
    }

    /** {@code /leaderboard/<projectId>} opens the board of one project, {@code /leaderboard} of all. */
    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        ProjectView wanted = event.getRouteParameters().getLong("projectId").flatMap(id -> project.getListDataView()
                .getItems().filter(p -> p.id() == id).findFirst()).orElse(null);
        if (wanted != null && !wanted.equals(project.getValue())) {
            project.setValue(wanted); // the listener shows it
        } else {
            show(project.getValue());
        }
    }

    private void show(@Nullable ProjectView project) {
        Leaderboard board = leaderboard.board(project == null ? null : project.id());
        grid.setItems(board.standings());
        summary.setText(board.battles() == 0
                ? "No battles yet: rank responses of two different checkpoints (a sampling or evaluation job"
                        + " opens such tasks) and they appear here."
                : board.battles() + " battles from " + board.judgments() + " judgments; 95% intervals from a"
                        + " bootstrap over judgments. Ratings on the Elo scale, mean 1000; ties as in Chatbot Arena.");
    }

    private static String format(String pattern, Object... values) {
        return String.format(Locale.ROOT, pattern, values);
    }
}
