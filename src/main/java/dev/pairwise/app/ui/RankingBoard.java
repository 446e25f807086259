package dev.pairwise.app.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.dnd.DragSource;
import com.vaadin.flow.component.dnd.DropEffect;
import com.vaadin.flow.component.dnd.DropEvent;
import com.vaadin.flow.component.dnd.DropTarget;
import com.vaadin.flow.component.dnd.EffectAllowed;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The ranking as tiers, best on top: each response is a chip that can be dragged into a tier
 * (a tie), into a gap between tiers (a new tier there), or back to "not ranked". Rebuilt from
 * {@link Ranking} after every change, so what is shown is always exactly the model's state.
 */
final class RankingBoard extends Div {

    private final Ranking ranking;
    private final Map<Long, Integer> positions;
    private final Map<Long, String> snippets;
    private final Consumer<Long> onSelect;
    private final Runnable onChange;
    private Long selected;

    RankingBoard(Ranking ranking, Map<Long, Integer> positions, Map<Long, String> snippets,
            Consumer<Long> onSelect, Runnable onChange) {
        this.ranking = ranking;
        this.positions = positions;
        this.snippets = snippets;
        this.onSelect = onSelect;
        this.onChange = onChange;
        addClassName("ranking-board");
        Ui.testId(this, "ranking-board");
        setId("ranking-board");
        render();
    }

    void select(Long id) {
        selected = id;
        render();
    }

    /** Redraws the tiers and the unranked pool from the model. */
    void render() {
        removeAll();
        List<List<Long>> tiers = ranking.tiers();
        add(gap(0));
        for (int t = 0; t < tiers.size(); t++) {
            Div tier = new Div();
            tier.addClassName("tier");
            Ui.testId(tier, "tier-" + (t + 1));
            tier.getElement().setAttribute("data-tier", Integer.toString(t + 1));
            Span label = new Span(ordinal(t + 1) + (tiers.get(t).size() > 1 ? " · tie" : ""));
            label.addClassName("tier-label");
            tier.add(label);
            for (long id : tiers.get(t)) {
                tier.add(chip(id));
            }
            int index = t;
            dropTarget(tier, id -> ranking.moveToTier(id, index));
            add(tier, gap(t + 1));
        }
        Div pool = new Div();
        pool.addClassName("unranked");
        Ui.testId(pool, "unranked");
        Span label = new Span(ranking.isComplete() ? "All responses ranked" : "Not ranked yet");
        label.addClassName("tier-label");
        pool.add(label);
        ranking.unranked().forEach(id -> pool.add(chip(id)));
        dropTarget(pool, ranking::unrank);
        add(pool);
    }

    private Div gap(int index) {
        Div gap = new Div();
        gap.addClassName("tier-gap");
        Ui.testId(gap, "tier-gap-" + index);
        gap.getElement().setAttribute("title", "Drop here for a new tier");
        dropTarget(gap, id -> ranking.moveToNewTier(id, index));
        return gap;
    }

    private Component chip(long id) {
        int position = positions.get(id);
        Div chip = new Div();
        chip.addClassName("chip");
        chip.getElement().getClassList().set("selected", Long.valueOf(id).equals(selected));
        Ui.testId(chip, "chip-" + position);
        chip.getElement().setAttribute("data-response-id", Long.toString(id));
        Span key = new Span(Integer.toString(position));
        key.addClassName("key-badge");
        Span text = new Span(snippets.get(id));
        text.addClassName("chip-text");
        chip.add(key, text);
        chip.addClickListener(e -> onSelect.accept(id));
        DragSource<Div> drag = DragSource.create(chip);
        drag.setDragData(id);
        drag.setEffectAllowed(EffectAllowed.MOVE);
        return chip;
    }

    private void dropTarget(Div target, Consumer<Long> move) {
        DropTarget<Div> drop = DropTarget.create(target);
        drop.setDropEffect(DropEffect.MOVE);
        drop.addDropListener((DropEvent<Div> e) -> e.getDragData()
                .filter(Long.class::isInstance)
                .map(Long.class::cast)
                .ifPresent(id -> {
                    move.accept(id);
                    onSelect.accept(id);
                    onChange.run();
                }));
    }

    static String ordinal(int n) {
        String suffix = (n % 100 >= 11 && n % 100 <= 13) ? "th"
                : switch (n % 10) {
                    case 1 -> "st";
                    case 2 -> "nd";
                    case 3 -> "rd";
                    default -> "th";
                };
        return n + suffix;
    }
}
