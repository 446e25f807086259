package dev.pairwise.app.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.UIDetachedException;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.pairwise.app.connections.ConnectionCheck;
import dev.pairwise.app.connections.ConnectionClient;
import dev.pairwise.app.connections.ConnectionSettings;
import dev.pairwise.app.connections.ConnectionView;
import dev.pairwise.app.connections.ModelConnections;
import dev.pairwise.app.security.CurrentUser;
import dev.pairwise.labeling.account.Role;
import jakarta.annotation.security.RolesAllowed;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Model connections (OpenAI-compatible servers): researchers add, edit, test and delete them;
 * admins see them read-only. A test runs off the UI thread and its result is pushed in when the
 * server answers (up to the connection's timeout).
 */
@Route(value = "connections", layout = MainLayout.class)
@PageTitle("Connections · Pairwise")
@RolesAllowed({"RESEARCHER", "ADMIN"})
public class ConnectionsView extends VerticalLayout {

    private final ModelConnections connections;
    private final ConnectionClient client;
    private final String me;
    private final boolean mayEdit;
    private final Grid<ConnectionView> grid = new Grid<>();
    private final Div result = Ui.testId(new Div(), "connection-test-result");

    ConnectionsView(ModelConnections connections, ConnectionClient client, CurrentUser currentUser) {
        this.connections = connections;
        this.client = client;
        this.me = currentUser.username().orElse("");
        this.mayEdit = currentUser.has(Role.RESEARCHER);
        addClassName("page");
        HorizontalLayout head = new HorizontalLayout(new H2("Model connections"));
        head.setAlignItems(Alignment.BASELINE);
        if (mayEdit) {
            Button create = new Button("New connection", VaadinIcon.PLUS.create(), e -> openForm(null));
            create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            create.setId("connection-new");
            head.add(create);
        }
        Paragraph about = new Paragraph("OpenAI-compatible chat servers (vLLM, TGI, Ollama, llama.cpp, hosted APIs) "
                + "that jobs can sample from. API keys are stored encrypted and never shown again."
                + (mayEdit ? "" : " Read-only: researchers manage connections."));
        grid.setId("connections-grid");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.addColumn(ConnectionView::name).setHeader("Name").setAutoWidth(true);
        grid.addColumn(c -> c.settings().model()).setHeader("Model").setAutoWidth(true);
        grid.addColumn(c -> c.settings().baseUrl()).setHeader("Base URL").setFlexGrow(2)
                .setTooltipGenerator(c -> c.settings().baseUrl());
        grid.addComponentColumn(c -> {
            Span badge = new Span(c.apiKeySet() ? "key set" : "no key");
            badge.getElement().getThemeList().add(c.apiKeySet() ? "badge success" : "badge contrast");
            return badge;
        }).setHeader("API key").setAutoWidth(true);
        grid.addColumn(c -> sampling(c.settings())).setHeader("Sampling").setAutoWidth(true);
        grid.addColumn(c -> c.settings().maxConcurrent() + " · " + c.settings().requestsPerMinute() + "/min · "
                + c.settings().timeout().toSeconds() + " s").setHeader("Concurrency · rate · timeout").setAutoWidth(true);
        if (mayEdit) {
            grid.addComponentColumn(this::actions).setHeader("Actions").setAutoWidth(true);
        }
        grid.setAllRowsVisible(true);
        add(head, about, grid, result);
        refresh();
    }

    private static String sampling(ConnectionSettings s) {
        return String.format(Locale.ROOT, "T %.2g · p %.2g · %d tok", s.temperature(), s.topP(), s.maxTokens());
    }

    private HorizontalLayout actions(ConnectionView c) {
        Button edit = new Button("Edit", e -> openForm(c));
        Button test = new Button("Test", e -> test(c.id(), c.name(), result));
        Button delete = new Button("Delete", e -> {
            ConfirmDialog confirm = new ConfirmDialog("Delete " + c.name() + "?",
                    "Jobs can no longer call it. Responses it produced keep its name.", "Delete", ok -> {
                        try {
                            connections.delete(c.id());
                            Ui.success("Deleted " + c.name());
                            refresh();
                        } catch (RuntimeException ex) {
                            Ui.error(Ui.messageOf(ex));
                        }
                    }, "Cancel", cancel -> { });
            confirm.setConfirmButtonTheme("error primary");
            confirm.open();
        });
        for (Button b : new Button[] {edit, test, delete}) {
            b.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        }
        String slug = c.name().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
        Ui.testId(edit, "connection-edit-" + slug);
        Ui.testId(test, "connection-test-" + slug);
        Ui.testId(delete, "connection-delete-" + slug);
        return new HorizontalLayout(edit, test, delete);
    }

    private void refresh() {
        grid.setItems(connections.list());
    }

    private void openForm(@Nullable ConnectionView existing) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(existing == null ? "New connection" : "Edit " + existing.name());
        ConnectionForm form = new ConnectionForm(existing);
        Div dialogResult = Ui.testId(new Div(), "connection-form-test-result");
        long[] id = {existing == null ? -1 : existing.id()};
        Button save = new Button("Save", e -> {
            if (store(form, id)) {
                dialog.close();
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setId("connection-save");
        Button saveAndTest = new Button("Save and test connection", e -> {
            if (store(form, id)) {
                test(id[0], form.settings().name(), dialogResult);
            }
        });
        saveAndTest.setId("connection-save-test");
        dialog.add(form, dialogResult);
        Button close = new Button("Close", e -> dialog.close());
        close.setId("connection-close");
        dialog.getFooter().add(close, saveAndTest, save);
        dialog.setWidth("min(760px, 95vw)");
        dialog.open();
    }

    /** Creates or updates from the form; the id of a created connection goes into {@code id[0]}. */
    private boolean store(ConnectionForm form, long[] id) {
        try {
            ConnectionSettings s = form.settings();
            ConnectionView saved = id[0] < 0 ? connections.create(s, form.apiKey(false), me)
                    : connections.update(id[0], s, form.apiKey(true));
            id[0] = saved.id();
            Ui.success("Saved " + saved.name());
            refresh();
            return true;
        } catch (RuntimeException ex) {
            if (!form.markError(ex)) {
                Ui.error(Ui.messageOf(ex));
            }
            return false;
        }
    }

    private void test(long id, String name, Div target) {
        target.removeAll();
        target.add(new Span("Testing " + name + "…"));
        target.getElement().setAttribute("data-state", "running");
        UI ui = UI.getCurrent();
        Thread.ofVirtual().name("connection-test-" + id).start(() -> {
            boolean ok;
            String text;
            try {
                ConnectionCheck check = client.test(id);
                ok = check.ok();
                text = ok ? "OK in " + check.latency().toMillis() + " ms · " + check.model() + " replied: " + check.reply()
                        : "Failed after " + check.latency().toMillis() + " ms: " + check.error();
            } catch (RuntimeException e) {
                ok = false;
                text = Ui.messageOf(e);
            }
            boolean shownOk = ok;
            String shown = text;
            try {
                ui.access(() -> show(target, name, shownOk, shown));
            } catch (UIDetachedException closed) {
                // the page was left before the server answered: nobody to tell
            }
        });
    }

    private static void show(Div target, String name, boolean ok, String text) {
        target.removeAll();
        Span line = new Span(name + ": " + text);
        line.getElement().getThemeList().add(ok ? "badge success" : "badge error");
        line.getStyle().set("white-space", "normal");
        target.add(line);
        target.getElement().setAttribute("data-state", ok ? "ok" : "failed");
    }
}
