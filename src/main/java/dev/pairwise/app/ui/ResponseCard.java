package dev.pairwise.app.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dnd.DragSource;
import com.vaadin.flow.component.dnd.EffectAllowed;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.markdown.Markdown;
import dev.pairwise.labeling.judgment.ResponseFlag;
import dev.pairwise.labeling.task.ShownResponse;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * One response of a task as a card: its number (the key that selects it), where it stands in
 * the ranking, the text rendered as markdown, an optional 1-7 rating and the problem flags.
 * The header is a drag handle onto the ranking board.
 */
final class ResponseCard extends Div {

    /** Labels of the flags, as the InstructGPT labeling interface words them. */
    static final Map<ResponseFlag, String> FLAG_LABELS = new EnumMap<>(Map.of(
            ResponseFlag.FAILS_TO_FOLLOW_INSTRUCTION, "Fails to follow the instruction",
            ResponseFlag.UNTRUTHFUL, "Untruthful / hallucination",
            ResponseFlag.HARMFUL, "Harmful",
            ResponseFlag.INAPPROPRIATE, "Inappropriate",
            ResponseFlag.PERSONAL_DATA, "Contains personal data",
            ResponseFlag.LOW_QUALITY, "Low quality / spam"));

    /** Short labels that fit a narrow card; the full label is the tooltip. */
    static final Map<ResponseFlag, String> FLAG_SHORT = new EnumMap<>(Map.of(
            ResponseFlag.FAILS_TO_FOLLOW_INSTRUCTION, "Ignores instruction",
            ResponseFlag.UNTRUTHFUL, "Untruthful",
            ResponseFlag.HARMFUL, "Harmful",
            ResponseFlag.INAPPROPRIATE, "Inappropriate",
            ResponseFlag.PERSONAL_DATA, "Personal data",
            ResponseFlag.LOW_QUALITY, "Low quality"));

    private final int position;
    private final long responseId;
    private final Span rank = new Span();
    private final List<Button> likertButtons = new ArrayList<>();
    private final Map<ResponseFlag, Checkbox> flags = new EnumMap<>(ResponseFlag.class);
    private Integer likert;

    /** What the touch buttons of a selected card do; the same moves as the keys. */
    enum Move { PLACE, UP, DOWN, TIE, UNTIE }

    ResponseCard(int position, ShownResponse response, Consumer<Long> onSelect, Consumer<Move> onMove) {
        this.position = position;
        this.responseId = response.id();
        addClassName("response-card");
        setId("response-" + position);
        Ui.testId(this, "response-card-" + position);
        getElement().setAttribute("data-response-id", Long.toString(response.id()));

        Div header = new Div();
        header.addClassName("card-header");
        Span key = new Span(Integer.toString(position));
        key.addClassName("key-badge");
        getElement().setAttribute("aria-label", "Response " + position);
        Div spacer = new Div();
        spacer.addClassName("card-spacer");
        rank.addClassName("card-rank");
        Ui.testId(rank, "response-rank-" + position);
        Span handle = new Span("⠿");
        handle.addClassName("drag-handle");
        handle.getElement().setAttribute("title", "Drag onto the ranking");
        header.add(key, rank, spacer, handle);
        header.addClickListener(e -> onSelect.accept(responseId));
        DragSource<Div> drag = DragSource.create(header);
        drag.setDragData(responseId);
        drag.setEffectAllowed(EffectAllowed.MOVE);

        Markdown body = new Markdown(response.text());
        body.addClassName("card-body");
        Ui.testId(body, "response-text-" + position);

        add(header, moves(onMove), body, likertRow(), flagList());
    }

    /**
     * Ranking by touch: buttons shown on the selected card only (CSS), so a phone ranks without
     * a keyboard and without dragging across the page to the board.
     */
    private Div moves(Consumer<Move> onMove) {
        Div row = new Div();
        row.addClassName("card-moves");
        Ui.testId(row, "card-moves-" + position);
        row.add(move("Rank", Move.PLACE, "place", onMove), move("↑ Up", Move.UP, "up", onMove),
                move("↓ Down", Move.DOWN, "down", onMove), move("Tie with above", Move.TIE, "tie", onMove),
                move("Untie", Move.UNTIE, "untie", onMove));
        return row;
    }

    private Button move(String label, Move what, String id, Consumer<Move> onMove) {
        Button b = new Button(label, e -> onMove.accept(what));
        b.addThemeVariants(ButtonVariant.LUMO_SMALL);
        Ui.testId(b, "card-" + id + "-" + position);
        return b;
    }

    private Div likertRow() {
        Div row = new Div();
        row.addClassName("likert");
        Span label = new Span("Rating (optional): 1 = terrible, 7 = excellent");
        label.addClassName("likert-label");
        row.add(label);
        for (int v = 1; v <= 7; v++) {
            int value = v;
            Button b = new Button(Integer.toString(v), e -> setLikert(likert != null && likert == value ? null : value));
            b.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_CONTRAST);
            b.addClassName("likert-button");
            b.getElement().setAttribute("aria-pressed", "false");
            b.getElement().setAttribute("title", v == 1 ? "1 = terrible" : v == 7 ? "7 = excellent" : "Rate " + v);
            Ui.testId(b, "likert-" + position + "-" + v);
            likertButtons.add(b);
            row.add(b);
        }
        return row;
    }

    private Div flagList() {
        Div list = new Div();
        list.addClassName("flags");
        for (ResponseFlag flag : ResponseFlag.values()) {
            Checkbox box = new Checkbox(FLAG_SHORT.getOrDefault(flag, flag.name()));
            box.setTooltipText(FLAG_LABELS.getOrDefault(flag, flag.name()));
            box.addClassName("flag");
            Ui.testId(box, "flag-" + position + "-" + flag.name());
            flags.put(flag, box);
            list.add(box);
        }
        return list;
    }

    private void setLikert(Integer value) {
        likert = value;
        for (int i = 0; i < likertButtons.size(); i++) {
            boolean on = value != null && value == i + 1;
            Button b = likertButtons.get(i);
            b.getElement().setAttribute("aria-pressed", Boolean.toString(on));
            if (on) {
                b.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
                b.removeThemeVariants(ButtonVariant.LUMO_CONTRAST);
            } else {
                b.removeThemeVariants(ButtonVariant.LUMO_PRIMARY);
                b.addThemeVariants(ButtonVariant.LUMO_CONTRAST);
            }
        }
    }

    long responseId() {
        return responseId;
    }

    int position() {
        return position;
    }

    /** The 1-7 rating, if one was given. */
    Optional<Integer> likert() {
        return Optional.ofNullable(likert);
    }

    /** The ticked flags (empty when none). */
    Set<ResponseFlag> flags() {
        Set<ResponseFlag> out = EnumSet.noneOf(ResponseFlag.class);
        flags.forEach((flag, box) -> {
            if (box.getValue()) {
                out.add(flag);
            }
        });
        return out;
    }

    /** Shows the response's place in the ranking, e.g. "1st", "2nd (tie)" or "not ranked". */
    void showRank(String text, boolean ranked) {
        rank.setText(text);
        rank.getElement().getClassList().set("ranked", ranked);
    }

    void setSelected(boolean selected) {
        getElement().getClassList().set("selected", selected);
    }
}
