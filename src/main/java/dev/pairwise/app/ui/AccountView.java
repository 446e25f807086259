package dev.pairwise.app.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.pairwise.app.security.AccountAdminService;
import dev.pairwise.app.security.ApiTokenService;
import dev.pairwise.app.security.ApiTokenService.TokenInfo;
import dev.pairwise.app.security.CurrentUser;
import jakarta.annotation.security.PermitAll;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Each person's own account: change the password, and API tokens for scripts (shown once, revocable). */
@Route(value = "account", layout = MainLayout.class)
@PageTitle("My account · Pairwise")
@PermitAll
public class AccountView extends VerticalLayout {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    private final ApiTokenService tokens;
    private final long accountId;
    private final Grid<TokenInfo> grid = new Grid<>();
    private final Div created = new Div();

    AccountView(ApiTokenService tokens, AccountAdminService accounts, CurrentUser currentUser) {
        this.tokens = tokens;
        this.accountId = currentUser.account().getId();
        addClassName("page");
        add(new H2("My account"), passwordForm(accounts, currentUser.account().getUsername()));
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
        add(new H3("API tokens"),
                new Paragraph("Scripts call the REST API under /api with 'Authorization: Bearer <token>'."),
                form, created, grid);
        refresh();
    }

    private static Div passwordForm(AccountAdminService accounts, String username) {
        PasswordField current = new PasswordField("Current password");
        current.setId("password-current");
        PasswordField fresh = new PasswordField("New password");
        fresh.setId("password-new");
        fresh.setHelperText("At least " + AccountAdminService.MIN_PASSWORD_LENGTH + " characters");
        PasswordField repeat = new PasswordField("New password again");
        repeat.setId("password-repeat");
        Button change = new Button("Change password", e -> {
            if (!fresh.getValue().equals(repeat.getValue())) {
                Ui.error("New password again: the two new passwords differ.");
                return;
            }
            try {
                accounts.changeOwnPassword(username, current.getValue(), fresh.getValue());
                current.clear();
                fresh.clear();
                repeat.clear();
                Ui.success("Password changed.");
            } catch (RuntimeException ex) {
                Ui.error(Ui.messageOf(ex));
            }
        });
        change.setId("password-change");
        HorizontalLayout row = new HorizontalLayout(current, fresh, repeat, change);
        row.setAlignItems(Alignment.BASELINE);
        row.setWrap(true);
        return new Div(new H3("Password"), row);
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
