package dev.pairwise.app.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.dom.DomListenerRegistration;
import java.util.Optional;
import java.util.function.Consumer;
import tools.jackson.databind.JsonNode;

/**
 * The keyboard scheme of the comparison screen. Keys are caught on the page body, except while
 * the labeler types in a text field (then only Ctrl/Cmd+Enter counts), and sent to the server
 * as {@link Key} values. The filter runs in the browser, so ordinary typing never makes a
 * round trip, and it prevents the browser's default (arrows scrolling the page) for our keys.
 */
final class LabelKeys {

    /** A recognized key press. */
    sealed interface Key {
        record Digit(int value) implements Key { }
        record Up() implements Key { }
        record Down() implements Key { }
        record Tie() implements Key { }
        record Untie() implements Key { }
        record Unrank() implements Key { }
        record Deselect() implements Key { }
        record Submit() implements Key { }
        record Skip() implements Key { }
    }

    /** The keys and what they do, shown on screen in this order. */
    static final String[][] HELP = {
        {"1 – 9", "pick a response (places it below the ranked ones)"},
        {"↑ / k", "move it up (out of a tie: a tier of its own above)"},
        {"↓ / j", "move it down"},
        {"t", "tie it with the tier above"},
        {"u", "untie it"},
        {"0 / Backspace", "un-rank it"},
        {"Esc", "clear the selection"},
        {"Ctrl+Enter / Enter", "submit"},
        {"s", "skip this task"},
    };

    // Evaluated in the browser for every keydown on the body.
    private static final String FILTER = """
            (function () {
              const t = event.composedPath()[0];
              const typing = t && (t.localName === 'textarea' || t.isContentEditable
                  || (t.localName === 'input' && !['checkbox', 'radio', 'button', 'submit'].includes(t.type)));
              const k = event.key;
              let ours;
              if ((event.ctrlKey || event.metaKey) && k === 'Enter') {
                ours = true;
                if (typing) {
                  t.blur(); // commits the field's value before the submit reaches the server
                }
              } else if (typing || event.ctrlKey || event.metaKey || event.altKey || event.repeat) {
                ours = false;
              } else {
                ours = /^[0-9]$/.test(k) || ['ArrowUp', 'ArrowDown', 'j', 'k', 't', 'u', 's', 'Backspace',
                    'Delete', 'Escape', 'Enter'].includes(k);
                if (k === 'Enter' && t && t.localName && t.localName.startsWith('vaadin-')) {
                  ours = false; // Enter on a focused button or field does its own thing
                }
              }
              if (ours) {
                event.preventDefault();
              }
              return ours;
            })()""";

    private LabelKeys() {
    }

    /** Listens for the scheme's keys on the whole page; remove the registration on detach. */
    static DomListenerRegistration listen(UI ui, Consumer<Key> handler) {
        return ui.getElement().addEventListener("keydown", e -> {
                    JsonNode data = e.getEventData();
                    parse(data.get("event.key").asString(), data.get("event.ctrlKey").asBoolean(),
                            data.get("event.metaKey").asBoolean()).ifPresent(handler);
                })
                .addEventData("event.key")
                .addEventData("event.ctrlKey")
                .addEventData("event.metaKey")
                .setFilter(FILTER);
    }

    /** Maps a browser key name to the scheme; empty for keys it does not use. */
    static Optional<Key> parse(String key, boolean ctrl, boolean meta) {
        if (key.equals("Enter")) {
            return Optional.of(new Key.Submit());
        }
        if (ctrl || meta) {
            return Optional.empty();
        }
        if (key.length() == 1 && key.charAt(0) >= '1' && key.charAt(0) <= '9') {
            return Optional.of(new Key.Digit(key.charAt(0) - '0'));
        }
        return Optional.ofNullable(switch (key) {
            case "ArrowUp", "k" -> new Key.Up();
            case "ArrowDown", "j" -> new Key.Down();
            case "t" -> new Key.Tie();
            case "u" -> new Key.Untie();
            case "0", "Backspace", "Delete" -> new Key.Unrank();
            case "Escape" -> new Key.Deselect();
            case "s" -> new Key.Skip();
            default -> null;
        });
    }

    /** The on-screen list of shortcuts. */
    static Div help() {
        Div box = new Div();
        box.addClassName("keys-help");
        Ui.testId(box, "keyboard-help");
        box.add(new H3("Keyboard"));
        for (String[] row : HELP) {
            Span key = new Span(row[0]);
            key.addClassName("kbd");
            Div line = new Div(key, new Span(row[1]));
            line.addClassName("keys-row");
            box.add(line);
        }
        return box;
    }
}
