package dev.pairwise.app.ui;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.RouterLink;

/**
 * The body of the error views (not found, access denied): a title, a sentence saying what
 * happened in the person's words, and a way back. The views sit inside {@link MainLayout}, so
 * the side navigation stays on screen.
 */
final class ErrorPage {

    private ErrorPage() {
    }

    /** Fills {@code page}; {@code id} names it for browser tests ({@code id} and {@code data-testid}). */
    static void fill(VerticalLayout page, String id, String title, String text) {
        page.removeAll();
        page.setId(id);
        Ui.testId(page, id);
        page.addClassName("error-page");
        Paragraph detail = Ui.testId(new Paragraph(text), id + "-detail");
        RouterLink home = new RouterLink("Back to the start page", HomeView.class);
        Ui.testId(home, "back-home");
        page.add(new H2(title), detail, home);
    }

    /** "/label/999" for the path a view was asked for. */
    static String shown(String path) {
        return "/" + path;
    }
}
