package dev.pairwise.app.ui;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.markdown.Markdown;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.pairwise.app.security.CurrentUser;
import dev.pairwise.labeling.ConflictException;
import dev.pairwise.labeling.judgment.JudgmentService;
import dev.pairwise.labeling.judgment.SubmitJudgment;
import dev.pairwise.labeling.project.ProjectService;
import dev.pairwise.labeling.project.ProjectView;
import dev.pairwise.labeling.task.AssignmentService;
import dev.pairwise.labeling.task.NextTask;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;

/**
 * Blind A/B battles (Chatbot Arena's voting screen): one prompt, two responses side by side named
 * only "A" and "B" — never the checkpoint — and four verdicts, each a button and a key: A, B,
 * Tie, Both bad. Battles are the tasks of projects with K = 2 (an evaluation job opens them, in a
 * random order per task, and the project may shuffle again per labeler); the next one comes from
 * {@link AssignmentService} like any task, and the verdict is stored by {@link JudgmentService}
 * as {@link BattleVerdict} describes.
 */
@Route(value = "battle/:projectId?", layout = MainLayout.class)
@PageTitle("Battle · Pairwise")
@RolesAllowed({"LABELER", "ADMIN"})
public class BattleView extends Div implements BeforeEnterObserver {

    private final AssignmentService assignments;
    private final JudgmentService judgments;
    private final long labelerId;
    private final Clock clock;
    private final Select<ProjectView> picker = new Select<>();
    private final Div body = new Div();
    private final Div verdicts = new Div();
    private @Nullable NextTask task;
    private Instant shownAt = Instant.EPOCH;
    private String idempotencyKey = "";

    BattleView(AssignmentService assignments, JudgmentService judgments, ProjectService projects,
               CurrentUser currentUser, ObjectProvider<Clock> clock) {
        this.assignments = assignments;
        this.judgments = judgments;
        this.labelerId = currentUser.account().getId();
        this.clock = clock.getIfAvailable(Clock::systemUTC);
        addClassName("page");
        Ui.testId(this, "battle-view");
        List<ProjectView> battleProjects = projects.list().stream().filter(p -> p.k() == 2).toList();
        picker.setLabel("Battle project");
        picker.setId("battle-project");
        picker.setItems(battleProjects);
        picker.setItemLabelGenerator(ProjectView::name);
        picker.setWidth("320px");
        add(new H2("Battle"), picker, body);
        if (battleProjects.isEmpty()) {
            body.add(message("No battle project yet",
                    "Battles are the tasks of projects with K = 2; an evaluation job opens them."));
        }
        buttons(); // built once; their shortcuts work while a battle shows them
        picker.addValueChangeListener(e -> loadNext());
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Optional<Long> requested = event.getRouteParameters().getLong("projectId");
        Optional<ProjectView> project = picker.getListDataView().getItems()
                .filter(p -> requested.map(id -> id == p.id()).orElse(true)).findFirst();
        if (project.isPresent() && !project.get().equals(picker.getValue())) {
            picker.setValue(project.get()); // the listener loads its next battle
        } else {
            loadNext();
        }
    }

    private void buttons() {
        verdicts.addClassName("battle-verdicts");
        verdicts.getStyle().set("display", "flex").set("flex-wrap", "wrap").set("gap", "var(--lumo-space-s)")
                .set("margin-top", "var(--lumo-space-m)");
        verdicts.add(verdict("A is better", "a", BattleVerdict.A, Key.KEY_A),
                verdict("B is better", "b", BattleVerdict.B, Key.KEY_B),
                verdict("Tie", "t", BattleVerdict.TIE, Key.KEY_T),
                verdict("Both bad", "x", BattleVerdict.BOTH_BAD, Key.KEY_X));
        Button skip = new Button("Skip (s)", e -> skip());
        skip.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        skip.addClickShortcut(Key.KEY_S);
        Ui.testId(skip, "battle-skip");
        verdicts.add(skip);
    }

    private Button verdict(String label, String key, BattleVerdict verdict, Key shortcut) {
        Button b = new Button(label + " (" + key + ")", e -> submit(verdict));
        b.addThemeVariants(verdict == BattleVerdict.A || verdict == BattleVerdict.B
                ? ButtonVariant.LUMO_PRIMARY : ButtonVariant.LUMO_CONTRAST);
        b.addClickShortcut(shortcut);
        Ui.testId(b, "battle-" + verdict.name().toLowerCase().replace('_', '-'));
        return b;
    }

    private void loadNext() {
        body.removeAll();
        task = null;
        ProjectView project = picker.getValue();
        if (project == null) {
            return;
        }
        NextTask next = assignments.next(project.id(), labelerId).orElse(null);
        if (next == null || next.presentedOrder().size() != 2) {
            Div done = message("No battle left in " + project.name(), "There is no battle left for you here. Thank you!");
            Ui.testId(done, "no-battle");
            body.add(done);
            return;
        }
        task = next;
        shownAt = Instant.now(clock);
        idempotencyKey = UUID.randomUUID().toString();
        Div prompt = new Div();
        prompt.addClassName("prompt-card");
        Ui.testId(prompt, "prompt");
        Span promptLabel = new Span("Prompt");
        promptLabel.addClassName("section-label");
        prompt.add(promptLabel, new Markdown(next.prompt()));
        Div pair = new Div(side("A", next.responses().get(0).text()), side("B", next.responses().get(1).text()));
        pair.addClassName("responses");
        pair.getStyle().set("--pw-k", "2");
        Span taskNo = new Span("Task " + next.taskId());
        taskNo.addClassName("task-id");
        Ui.testId(taskNo, "task-id");
        body.add(taskNo, prompt, pair, verdicts);
    }

    private static Div side(String name, String text) {
        Span badge = new Span(name);
        badge.addClassName("key-badge");
        Div header = new Div(badge);
        header.addClassName("card-header");
        Markdown body = new Markdown(text);
        body.addClassName("card-body");
        Ui.testId(body, "battle-text-" + name.toLowerCase());
        Div card = new Div(header, body);
        card.addClassName("response-card");
        card.getElement().setAttribute("aria-label", "Response " + name);
        Ui.testId(card, "battle-side-" + name.toLowerCase());
        return card;
    }

    private void submit(BattleVerdict verdict) {
        NextTask t = task;
        if (t == null) {
            return;
        }
        List<Long> presented = t.presentedOrder();
        long elapsed = Math.max(0, Duration.between(shownAt, Instant.now(clock)).toMillis());
        SubmitJudgment in = new SubmitJudgment(t.taskId(), idempotencyKey, presented, verdict.tiers(presented),
                null, verdict.flags(presented), false, null, null, elapsed);
        try {
            judgments.submit(labelerId, in);
            Ui.success("Saved.");
            loadNext();
        } catch (ConflictException e) {
            Ui.error(Ui.messageOf(e));
            loadNext();
        } catch (RuntimeException e) {
            Ui.error(Ui.messageOf(e));
        }
    }

    private void skip() {
        NextTask t = task;
        if (t == null) {
            return;
        }
        try {
            assignments.skip(t.taskId(), labelerId);
            loadNext();
        } catch (RuntimeException e) {
            Ui.error(Ui.messageOf(e));
        }
    }

    private static Div message(String title, String text) {
        Div box = new Div(new H2(title), new Paragraph(text));
        box.addClassName("empty-state");
        return box;
    }
}
