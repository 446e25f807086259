package dev.pairwise.app.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import dev.pairwise.labeling.progress.LabelerQueue;
import dev.pairwise.labeling.project.ProjectView;
import java.time.Duration;
import java.util.List;

/**
 * The end of a labeler's queue in a project: what they did there (how many tasks, how long), why
 * nothing is left, and where to go next (the other projects, the start page).
 */
final class QueueDone extends Div {

    QueueDone(ProjectView project, LabelerQueue queue, List<ProjectView> others, Runnable checkAgain) {
        addClassName("empty-state");
        Ui.testId(this, "no-task");
        add(new H2(queue.done() > 0 ? "All done in " + project.name() : "Nothing to label in " + project.name()));
        Paragraph did = new Paragraph(queue.done() > 0
                ? "You judged " + tasks(queue.done()) + " in this project, " + duration(queue.timeOnTask())
                        + " on task. Thank you!"
                : "There is no task for you in this project.");
        Ui.testId(did, "done-summary");
        add(did);
        if (queue.left() > 0) {
            // Tasks this labeler may still do, all held by others right now: a lease that runs out
            // or is given back frees one.
            Paragraph held = new Paragraph(queue.left() + (queue.left() == 1 ? " more task is" : " more tasks are")
                    + " being labeled by others right now; one may come free if they leave it.");
            Ui.testId(held, "held-by-others");
            Button again = new Button("Check again", VaadinIcon.REFRESH.create(), e -> checkAgain.run());
            Ui.testId(again, "check-again");
            add(held, again);
        }
        Div next = new Div();
        next.addClassName("queue-next");
        if (!others.isEmpty()) {
            next.add(new Paragraph("Label in another project:"));
            for (ProjectView p : others) {
                RouterLink link = new RouterLink(p.name(), LabelView.class,
                        new RouteParameters("projectId", Long.toString(p.id())));
                Ui.testId(link, "label-project-" + p.id());
                next.add(new Div(link));
            }
        }
        RouterLink home = new RouterLink("Back to the start page", HomeView.class);
        Ui.testId(home, "back-home");
        next.add(new Div(home));
        add(next);
    }

    private static String tasks(long n) {
        return n + (n == 1 ? " task" : " tasks");
    }

    /** "45 s", "12 min 5 s", "2 h 3 min": time on task as a person reads it. */
    static String duration(Duration d) {
        long s = d.toSeconds();
        if (s < 60) {
            return s + " s";
        }
        if (s < 3600) {
            return s / 60 + " min" + (s % 60 > 0 ? " " + s % 60 + " s" : "");
        }
        return s / 3600 + " h" + (s % 3600 / 60 > 0 ? " " + s % 3600 / 60 + " min" : "");
    }
}
