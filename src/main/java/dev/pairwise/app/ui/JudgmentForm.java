package dev.pairwise.app.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.textfield.TextArea;

/**
 * The side panel of the comparison screen: the ranking board, its status, "All responses are
 * bad" with the better answer, the rationale, submit and skip, and the keyboard card. It holds
 * the inputs; {@link LabelView} decides what they mean.
 */
final class JudgmentForm extends Div {

    private final Div boardSlot = new Div();
    private final Span status = new Span();
    private final Checkbox allBad = new Checkbox("All responses are bad");
    private final TextArea betterAnswer = new TextArea("Your better answer");
    private final TextArea rationale = new TextArea("Rationale (optional)");
    private final Button submit = new Button("Submit", VaadinIcon.CHECK.create());

    JudgmentForm(Runnable onSubmit, Runnable onSkip, Runnable onReset, Runnable onChange) {
        addClassName("label-side");
        status.addClassName("rank-status");
        Ui.testId(status, "rank-status");
        allBad.setId("all-bad");
        Ui.testId(allBad, "all-bad");
        betterAnswer.setId("better-answer");
        Ui.testId(betterAnswer, "better-answer");
        betterAnswer.setPlaceholder("Write the answer you would want to see (markdown).");
        betterAnswer.setWidthFull();
        betterAnswer.setMinRows(5);
        betterAnswer.setVisible(false);
        allBad.addValueChangeListener(e -> {
            betterAnswer.setVisible(e.getValue());
            onChange.run();
        });
        rationale.setId("rationale");
        Ui.testId(rationale, "rationale");
        rationale.setWidthFull();
        rationale.setPlaceholder("Why this order? (optional)");
        submit.setId("submit");
        Ui.testId(submit, "submit");
        submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        submit.addClickListener(e -> onSubmit.run());
        Button skip = new Button("Skip", VaadinIcon.STEP_FORWARD.create(), e -> onSkip.run());
        skip.setId("skip");
        Ui.testId(skip, "skip");
        skip.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        Button reset = new Button("Reset", e -> onReset.run());
        reset.setId("reset-ranking");
        reset.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);

        Paragraph hint = new Paragraph("Best on top. Same row = tie.");
        hint.addClassName("hint");
        Div actions = new Div(submit, skip);
        actions.addClassName("submit-row");
        add(new H3("Your ranking"), hint, boardSlot, status, reset, allBad, betterAnswer, rationale, actions,
                LabelKeys.help());
    }

    /** Shows a new task's board and clears the inputs of the last one. */
    void start(RankingBoard board) {
        boardSlot.removeAll();
        boardSlot.add(board);
        allBad.setValue(false);
        betterAnswer.clear();
        rationale.clear();
    }

    boolean allBad() {
        return allBad.getValue();
    }

    String betterAnswer() {
        return betterAnswer.getValue();
    }

    String rationale() {
        return rationale.getValue();
    }

    void focusBetterAnswer() {
        betterAnswer.focus();
    }

    void showStatus(String text, boolean submittable) {
        status.setText(text);
        submit.setEnabled(submittable);
    }
}
