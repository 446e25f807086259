package dev.pairwise.app.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.markdown.Markdown;
import com.vaadin.flow.dom.DomListenerRegistration;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.pairwise.app.security.CurrentUser;
import dev.pairwise.labeling.ConflictException;
import dev.pairwise.labeling.NotAllowedException;
import dev.pairwise.labeling.judgment.JudgmentService;
import dev.pairwise.labeling.judgment.ResponseFlag;
import dev.pairwise.labeling.judgment.SubmitJudgment;
import dev.pairwise.labeling.judgment.SubmitResult;
import dev.pairwise.labeling.progress.LabelerQueue;
import dev.pairwise.labeling.progress.ProgressService;
import dev.pairwise.labeling.project.ProjectService;
import dev.pairwise.labeling.project.ProjectView;
import dev.pairwise.labeling.task.AssignmentService;
import dev.pairwise.labeling.task.NextTask;
import dev.pairwise.labeling.task.ShownResponse;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;

/**
 * The comparison screen, where labelers spend their day: the prompt, its K responses side by
 * side (stacked on narrow screens) in the stored presentation order, and a ranking board with
 * tiers. Everything works from the keyboard ({@link LabelKeys}); drag and drop does the same.
 * Time on task is measured here on the server, from the moment the task was shown.
 */
@Route(value = "label/:projectId?", layout = MainLayout.class)
@PageTitle("Label · Pairwise")
@RolesAllowed({"LABELER", "ADMIN"})
public class LabelView extends Div implements BeforeEnterObserver {

    private final AssignmentService assignments;
    private final JudgmentService judgments;
    private final ProjectService projects;
    private final ProgressService progress;
    private final long labelerId;
    private final Clock clock;

    private @Nullable ProjectView project;
    private @Nullable NextTask task;
    private @Nullable Ranking ranking;
    private @Nullable RankingBoard board;
    private final Map<Long, ResponseCard> cards = new LinkedHashMap<>();
    private final List<Long> byPosition = new ArrayList<>();
    private @Nullable Long selected;
    private Instant shownAt = Instant.EPOCH;
    private String idempotencyKey = "";
    /** A skip was the last thing done on this screen: it can be taken back. */
    private boolean mayUndoSkip;

    private final JudgmentForm form = new JudgmentForm(this::submit, this::skip, this::resetRanking, this::refresh);
    private @Nullable DomListenerRegistration keys;

    LabelView(AssignmentService assignments, JudgmentService judgments, ProjectService projects,
            ProgressService progress, CurrentUser currentUser, ObjectProvider<Clock> clock) {
        this.assignments = assignments;
        this.judgments = judgments;
        this.projects = projects;
        this.progress = progress;
        this.labelerId = currentUser.account().getId();
        this.clock = clock.getIfAvailable(Clock::systemUTC);
        addClassName("label-view");
        Ui.testId(this, "label-view");

    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Optional<Long> requested = event.getRouteParameters().getLong("projectId");
        project = requested.map(projects::get)
                .or(() -> projects.list().stream().findFirst())
                .orElse(null);
        loadNext();
    }

    @Override
    protected void onAttach(AttachEvent event) {
        // The ranking is narrow work: give the cards the room the navigation drawer takes.
        AppLayout layout = findAncestor(AppLayout.class);
        if (layout != null) {
            layout.setDrawerOpened(false);
        }
        keys = LabelKeys.listen(event.getUI(), this::onKey);
    }

    @Override
    protected void onDetach(DetachEvent event) {
        if (keys != null) {
            keys.remove();
            keys = null;
        }
    }

    private void loadNext() {
        if (project == null) {
            clear();
            add(message("No project yet", "An admin has to create a project and import prompts first."));
            return;
        }
        NextTask next;
        try {
            next = assignments.next(project.id(), labelerId).orElse(null);
        } catch (NotAllowedException e) {
            // a labeler paused for failing gold tasks is told so, rather than shown an empty queue
            clear();
            Div paused = message("Paused in " + project.name(), e.getMessage());
            Ui.testId(paused, "paused");
            add(paused);
            return;
        }
        show(next);
    }

    private void clear() {
        removeAll();
        cards.clear();
        byPosition.clear();
        selected = null;
        task = null;
        ranking = null;
        board = null;
    }

    /** Shows a task, or the end of the queue when there is none. */
    private void show(@Nullable NextTask next) {
        clear();
        if (project == null) {
            return;
        }
        task = next;
        if (task == null) {
            long here = project.id();
            add(new QueueDone(project, progress.ofLabeler(here, labelerId),
                    projects.list().stream().filter(p -> p.id() != here).toList(), this::loadNext));
            return;
        }
        shownAt = Instant.now(clock);
        idempotencyKey = UUID.randomUUID().toString();
        showTask(task);
        scrollToTop();
    }

    /**
     * The next task starts at its prompt: after a submit or skip the browser would keep the old
     * scroll position (at the buttons, below the responses), which on a phone hides the prompt.
     * Whichever element scrolls (the window, or the layout's content area), this view's top is
     * brought into sight.
     */
    private void scrollToTop() {
        getElement().executeJs("this.scrollIntoView({block: 'start'}); window.scrollTo(0, 0);");
    }

    private void showTask(NextTask t) {
        ranking = new Ranking(t.presentedOrder());
        Map<Long, Integer> positions = new HashMap<>();
        Map<Long, String> snippets = new HashMap<>();
        Div grid = new Div();
        grid.addClassName("responses");
        Ui.testId(grid, "responses");
        grid.getStyle().set("--pw-k", Integer.toString(t.responses().size()));
        int position = 1;
        for (ShownResponse r : t.responses()) {
            long id = r.id();
            ResponseCard card = new ResponseCard(position, r, this::select, move -> onCardMove(id, move));
            cards.put(r.id(), card);
            byPosition.add(r.id());
            positions.put(r.id(), position);
            snippets.put(r.id(), snippet(r.text()));
            grid.add(card);
            position++;
        }
        board = new RankingBoard(ranking, positions, snippets, this::select, this::refresh);

        Div head = new Div();
        head.addClassName("task-head");
        H2 title = new H2(t.projectName());
        LabelerQueue queue = progress.ofLabeler(t.projectId(), labelerId);
        // done + 1 of done + left: what this labeler did and can still do here, the task in hand included
        Span where = new Span(queue.position() + " of " + Math.max(queue.total(), queue.position()));
        where.addClassName("task-position");
        Ui.testId(where, "task-position");
        where.getElement().setAttribute("title", queue.done() + " done, " + queue.left() + " to do (this one included)");
        Span taskNo = new Span("Task " + t.taskId());
        taskNo.addClassName("task-id");
        Ui.testId(taskNo, "task-id");
        taskNo.getElement().setAttribute("data-task-id", Long.toString(t.taskId()));
        head.add(title, where, taskNo);
        if (queue.skipped() > 0) {
            Span skipped = new Span(queue.skipped() + " skipped · back after the rest");
            skipped.addClassName("task-id");
            Ui.testId(skipped, "skipped-count");
            head.add(skipped);
        }
        if (mayUndoSkip) {
            Button undo = new Button("Undo skip", VaadinIcon.ARROW_BACKWARD.create(), e -> undoSkip());
            undo.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
            Ui.testId(undo, "undo-skip");
            head.add(undo);
        }
        Button toBoard = new Button("Your ranking ↓", e -> form.getElement()
                .executeJs("this.scrollIntoView({block: 'start'})"));
        toBoard.addClassName("narrow-only");
        toBoard.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        Ui.testId(toBoard, "to-ranking");
        head.add(toBoard);
        Button guidelines = new Button("Guidelines", VaadinIcon.BOOK.create(), e -> openGuidelines(t));
        guidelines.setId("show-guidelines");
        guidelines.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        head.add(guidelines);

        Div prompt = new Div();
        prompt.addClassName("prompt-card");
        Ui.testId(prompt, "prompt");
        Span promptLabel = new Span("Prompt");
        promptLabel.addClassName("section-label");
        prompt.add(promptLabel, new Markdown(t.prompt()));

        Div content = new Div(prompt, grid);
        content.addClassName("label-content");
        form.start(board);
        Div main = new Div(content, form);
        main.addClassName("label-main");
        add(head, main);
        refresh();
    }

    private void resetRanking() {
        if (ranking != null) {
            ranking.reset();
            refresh();
        }
    }

    private void openGuidelines(NextTask t) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("Guidelines · " + t.projectName());
        Markdown text = new Markdown(t.guidelines() == null || t.guidelines().isBlank()
                ? "_This project has no guidelines yet._" : t.guidelines());
        Ui.testId(text, "guidelines-text");
        dialog.add(text);
        dialog.setWidth("min(760px, 95vw)");
        dialog.getFooter().add(new Button("Close", e -> dialog.close()));
        dialog.open();
    }

    private void select(Long id) {
        selected = id;
        refresh();
    }

    /** Brings cards, board, status and the submit button in line with the ranking. */
    private void refresh() {
        if (ranking == null || board == null) {
            return;
        }
        List<List<Long>> tiers = ranking.tiers();
        for (ResponseCard card : cards.values()) {
            long id = card.responseId();
            card.setSelected(Long.valueOf(id).equals(selected));
            Optional<Integer> tier = ranking.tierOf(id);
            card.showRank(tier.map(t -> RankingBoard.ordinal(t + 1) + (tiers.get(t).size() > 1 ? " (tie)" : ""))
                    .orElse("not ranked"), tier.isPresent());
        }
        board.select(selected);
        int placed = ranking.presented().size() - ranking.unranked().size();
        form.showStatus(placed + " of " + ranking.presented().size() + " ranked"
                        + (ranking.isComplete() ? " · ready to submit" : ""),
                ranking.isComplete() || (form.allBad() && placed == 0));
    }

    private void onKey(LabelKeys.Key key) {
        if (ranking == null || task == null) {
            return;
        }
        switch (key) {
            case LabelKeys.Key.Digit d -> {
                if (d.value() <= byPosition.size()) {
                    long id = byPosition.get(d.value() - 1);
                    ranking.place(id);
                    selected = id;
                }
            }
            case LabelKeys.Key.Up u -> withSelected(ranking::moveUp);
            case LabelKeys.Key.Down d -> withSelected(ranking::moveDown);
            case LabelKeys.Key.Tie t -> withSelected(ranking::tieWithAbove);
            case LabelKeys.Key.Untie u -> withSelected(ranking::untie);
            case LabelKeys.Key.Unrank u -> withSelected(ranking::unrank);
            case LabelKeys.Key.Deselect d -> selected = null;
            case LabelKeys.Key.Submit s -> {
                submit();
                return;
            }
            case LabelKeys.Key.Skip s -> {
                skip();
                return;
            }
        }
        refresh();
    }

    /** A touch button on a selected card: the same moves as the keys, on that card's response. */
    private void onCardMove(long id, ResponseCard.Move move) {
        if (ranking == null) {
            return;
        }
        selected = id;
        switch (move) {
            case PLACE -> ranking.place(id);
            case UP -> ranking.moveUp(id);
            case DOWN -> ranking.moveDown(id);
            case TIE -> ranking.tieWithAbove(id);
            case UNTIE -> ranking.untie(id);
        }
        refresh();
    }

    private void withSelected(java.util.function.LongConsumer action) {
        if (selected != null) {
            action.accept(selected);
        }
    }

    private void submit() {
        if (task == null || ranking == null) {
            return;
        }
        boolean bad = form.allBad();
        if (!ranking.isComplete() && !(bad && ranking.unranked().size() == ranking.presented().size())) {
            Ui.error("Rank every response first: " + missing() + " not ranked yet.");
            return;
        }
        if (bad && form.betterAnswer().isBlank()) {
            Ui.error("Your better answer: write it before submitting (you ticked 'All responses are bad').");
            form.focusBetterAnswer();
            return;
        }
        Map<Long, Integer> likert = new HashMap<>();
        Map<Long, Set<ResponseFlag>> flags = new HashMap<>();
        for (ResponseCard card : cards.values()) {
            card.likert().ifPresent(v -> likert.put(card.responseId(), v));
            if (!card.flags().isEmpty()) {
                flags.put(card.responseId(), card.flags());
            }
        }
        long elapsed = Math.max(0, Duration.between(shownAt, Instant.now(clock)).toMillis());
        var in = new SubmitJudgment(task.taskId(), idempotencyKey, task.presentedOrder(), ranking.tiers(),
                likert, flags, bad, bad ? form.betterAnswer() : null,
                form.rationale().isBlank() ? null : form.rationale(), elapsed);
        try {
            SubmitResult result = judgments.submit(labelerId, in);
            mayUndoSkip = false;
            Ui.success("Saved: " + result.pairs() + " preference pairs"
                    + (result.demonstrationId() != null ? " and your answer as a demonstration" : "") + ".");
            loadNext();
        } catch (ConflictException e) {
            // The lease ran out or the task was judged meanwhile: say so and move on.
            Ui.error(Ui.messageOf(e));
            loadNext();
        } catch (RuntimeException e) {
            Ui.error(Ui.messageOf(e));
        }
    }

    private void skip() {
        if (task == null) {
            return;
        }
        try {
            assignments.skip(task.taskId(), labelerId);
            mayUndoSkip = true;
            Ui.success("Skipped. It comes back after your other tasks.");
            loadNext();
        } catch (RuntimeException e) {
            Ui.error(Ui.messageOf(e));
        }
    }

    /** Brings back the task skipped last; the one shown after it goes back to the queue. */
    private void undoSkip() {
        if (project == null) {
            return;
        }
        try {
            NextTask back = assignments.undoLastSkip(project.id(), labelerId);
            mayUndoSkip = false;
            show(back);
        } catch (RuntimeException e) {
            mayUndoSkip = false;
            Ui.error(Ui.messageOf(e));
            loadNext();
        }
    }

    private String missing() {
        if (ranking == null) {
            return "";
        }
        List<String> numbers = ranking.unranked().stream()
                .map(id -> "response " + (byPosition.indexOf(id) + 1)).toList();
        return String.join(", ", numbers);
    }

    private static String snippet(String text) {
        String plain = text.replaceAll("```[a-z]*", "").replaceAll("[#*>`|]", "").replaceAll("\\s+", " ").strip();
        return plain.length() <= 70 ? plain : plain.substring(0, 67) + "…";
    }

    private static Div message(String title, String text) {
        Div box = new Div(new H2(title), new Paragraph(text));
        box.addClassName("empty-state");
        return box;
    }
}
