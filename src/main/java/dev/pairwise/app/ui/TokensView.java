package dev.pairwise.app.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.pairwise.app.security.ApiTokenService;
import dev.pairwise.app.security.ApiTokenService.TokenInfo;
import dev.pairwise.app.security.CurrentUser;
import jakarta.annotation.security.PermitAll;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Each person's API tokens for scripts: create one (shown once), list, revoke. */
@Route(value = "tokens", layout = MainLayout.class)
@PageTitle("API tokens · Pairwise")
@PermitAll
public class TokensView extends VerticalLayout {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    private final ApiTokenService tokens;
    private final long accountId;
    private final Grid<TokenInfo> grid = new Grid<>();
    private final Div created = new Div();

    TokensView(ApiTokenService tokens, CurrentUser currentUser) {
        this.tokens = tokens;
        this.accountId = currentUser.account().getId();
        addClassName("page");
        TextField name = new TextField("Token name");
        name.setId("token-name");
        name.setPlaceholder("e.g. training-script");
        Button create = new Button("Create token", e -> {
            try {
                String token = tokens.create(accountId, name.getValue());
                showCreated(token);
                name.clear();
                refresh();
            } catch (RuntimeException ex) {
                Ui.error(Ui.messageOf(ex));
            }
        });
        create.setId("token-create");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        HorizontalLayout form = new HorizontalLayout(name, create);
        form.setAlignItems(Alignment.BASELINE);

        grid.setId("tokens-grid");
        grid.addColumn(TokenInfo::name).setHeader("Name");
        grid.addColumn(t -> TIME.format(t.createdAt())).setHeader("Created");
        grid.addComponentColumn(t -> {
            Button revoke = new Button("Revoke", e -> {
                tokens.revoke(accountId, t.id());
                refresh();
            });
            revoke.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
            return revoke;
        });
        grid.setAllRowsVisible(true);
        add(new H2("API tokens"),
                new Paragraph("Scripts call the REST API under /api with 'Authorization: Bearer <token>'."),
                form, created, grid);
        refresh();
    }

    private void showCreated(String token) {
        created.removeAll();
        created.addClassName("token-created");
        Span secret = Ui.testId(new Span(token), "token-secret");
        secret.addClassName("secret");
        created.add(new Paragraph("Copy it now: it is shown only once."), secret);
    }

    private void refresh() {
        grid.setItems(tokens.list(accountId));
    }
}
