package dev.pairwise.app.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.pairwise.app.quality.ReviewQueue;
import dev.pairwise.app.security.CurrentUser;
import dev.pairwise.labeling.project.ProjectService;
import dev.pairwise.labeling.project.ProjectView;
import dev.pairwise.labeling.quality.Adjudications;
import dev.pairwise.labeling.quality.ReviewData;
import dev.pairwise.labeling.task.ShownResponse;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Review (reviewers and admins): the tasks where labelers disagree beyond the project's threshold,
 * most disputed first; one task with its responses (lettered) and every labeler's ranking, and
 * the adjudicated ranking the reviewer records.
 */
@Route(value = "review", layout = MainLayout.class)
@PageTitle("Review · Pairwise")
@RolesAllowed({"REVIEWER", "ADMIN"})
public class ReviewView extends Div {

    private final ReviewQueue queue;
    private final ReviewData review;
    private final Adjudications adjudications;
    private final CurrentUser user;
    private final Grid<ReviewQueue.Disputed> tasks = new Grid<>();
    private final Div detail = new Div();
    private @Nullable ProjectView project;

    ReviewView(ReviewQueue queue, ReviewData review, Adjudications adjudications, CurrentUser user,
               ProjectService projects) {
        this.queue = queue;
        this.review = review;
        this.adjudications = adjudications;
        this.user = user;
        addClassName("page");
        ProjectPicker picker = new ProjectPicker(projects, "review-project");
        picker.addValueChangeListener(e -> showProject(e.getValue()));
        tasks.setId("review-tasks");
        tasks.addColumn(d -> "Task " + d.taskId()).setHeader("Task");
        tasks.addColumn(ReviewQueue.Disputed::labelers).setHeader("Labelers");
        tasks.addColumn(d -> String.format(Locale.ROOT, "%.0f%%", 100 * d.disagreement())).setHeader("Disagreement");
        tasks.setAllRowsVisible(true);
        tasks.asSingleSelect().addValueChangeListener(e -> showTask(e.getValue()));
        detail.setId("review-detail");
        add(new H2("Review"), picker, new H3("Disputed tasks"), tasks, detail);
        showProject(picker.getValue());
    }

    private void showProject(@Nullable ProjectView p) {
        project = p;
        detail.removeAll();
        tasks.setItems(p == null ? List.of() : queue.disputed(p.id()));
        Ui.showsProject(tasks, p);
    }

    private void showTask(ReviewQueue.@Nullable Disputed d) {
        detail.removeAll();
        if (d == null) {
            return;
        }
        ReviewData.ReviewTask t = review.task(d.taskId());
        List<Long> ids = t.responses().stream().map(ShownResponse::id).toList();
        detail.add(new H3("Task " + t.taskId()), new Paragraph(t.prompt()));
        for (int i = 0; i < t.responses().size(); i++) {
            Div card = new Div(new Span(LetterRanking.letter(i) + ". "), new Span(t.responses().get(i).text()));
            card.addClassName("review-response");
            detail.add(card);
        }
        TextField ranking = new TextField("Adjudicated ranking (best first: B > A = C)");
        ranking.setId("review-ranking");
        ranking.setWidth("360px");
        for (ReviewData.LabelerRanking r : t.rankings()) {
            String letters = LetterRanking.format(r.tiers(), ids);
            Button use = new Button("Use", e -> ranking.setValue(letters));
            use.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
            Ui.testId(use, "use-" + r.labeler());
            detail.add(new HorizontalLayout(new Span(r.labeler() + ": "), Ui.testId(new Span(letters),
                    "ranking-" + r.labeler()), use));
        }
        TextArea note = new TextArea("Note (optional)");
        note.setId("review-note");
        Button save = new Button("Save adjudication", e -> {
            try {
                adjudications.adjudicate(t.taskId(), user.account().getId(), LetterRanking.parse(ranking.getValue(), ids),
                        note.getValue());
                Ui.success("Adjudicated task " + t.taskId());
                showProject(project);
            } catch (RuntimeException x) {
                Ui.error(Ui.messageOf(x));
            }
        });
        save.setId("review-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        detail.add(ranking, note, save);
    }
}
