package dev.pairwise.app.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.pairwise.app.security.AccountAdminService;
import dev.pairwise.app.security.CurrentUser;
import dev.pairwise.labeling.account.Account;
import dev.pairwise.labeling.account.Role;
import jakarta.annotation.security.RolesAllowed;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.EnumSet;
import java.util.stream.Collectors;

/** Admins create accounts, disable them, change roles and reset passwords. */
@Route(value = "admin/users", layout = MainLayout.class)
@PageTitle("Users · Pairwise")
@RolesAllowed("ADMIN")
public class UsersView extends VerticalLayout {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);

    private final AccountAdminService accounts;
    private final String me;
    private final Grid<Account> grid = new Grid<>();

    UsersView(AccountAdminService accounts, CurrentUser currentUser) {
        this.accounts = accounts;
        this.me = currentUser.username().orElse("");
        addClassName("page");
        Button create = new Button("New user", VaadinIcon.PLUS.create(), e -> openCreate());
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.setId("user-new");
        HorizontalLayout head = new HorizontalLayout(new H2("Users"), create);
        head.setAlignItems(Alignment.BASELINE);

        grid.setId("users-grid");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.addColumn(Account::getUsername).setHeader("Username").setAutoWidth(true);
        grid.addColumn(Account::getDisplayName).setHeader("Name").setAutoWidth(true);
        grid.addColumn(a -> a.getRoles().stream().map(Role::name).collect(Collectors.joining(", ")))
                .setHeader("Roles").setAutoWidth(true);
        grid.addComponentColumn(a -> {
            Span badge = new Span(a.isEnabled() ? "active" : "disabled");
            badge.getElement().getThemeList().add(a.isEnabled() ? "badge success" : "badge error");
            return badge;
        }).setHeader("Status").setAutoWidth(true);
        grid.addColumn(a -> DATE.format(a.getCreatedAt())).setHeader("Created").setAutoWidth(true);
        grid.addComponentColumn(this::actions).setHeader("Actions").setAutoWidth(true);
        grid.setAllRowsVisible(true);
        add(head, grid);
        refresh();
    }

    private HorizontalLayout actions(Account account) {
        Button roles = new Button("Roles", e -> openRoles(account));
        Button toggle = new Button(account.isEnabled() ? "Disable" : "Enable", e -> {
            try {
                accounts.setEnabled(account.getId(), !account.isEnabled(), me);
                Ui.success(account.getUsername() + (account.isEnabled() ? " disabled" : " enabled"));
                refresh();
            } catch (RuntimeException ex) {
                Ui.error(Ui.messageOf(ex));
            }
        });
        Button reset = new Button("Reset password", e -> {
            ConfirmDialog confirm = new ConfirmDialog("Reset the password of " + account.getUsername() + "?",
                    "Their current password stops working at once; you will see the new one once.",
                    "Reset", ok -> resetPassword(account), "Cancel", cancel -> { });
            confirm.setConfirmButtonTheme("error primary");
            confirm.setId("user-reset-confirm");
            confirm.open();
        });
        for (Button b : new Button[] {roles, toggle, reset}) {
            b.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        }
        Ui.testId(roles, "user-roles-" + account.getUsername());
        Ui.testId(toggle, "user-toggle-" + account.getUsername());
        Ui.testId(reset, "user-reset-" + account.getUsername());
        return new HorizontalLayout(roles, toggle, reset);
    }

    private void refresh() {
        grid.setItems(accounts.list());
    }

    private void openCreate() {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("New user");
        TextField username = new TextField("Username");
        username.setId("user-username");
        username.setHelperText("Lower-case letters, digits, '.', '_' or '-'");
        TextField displayName = new TextField("Display name");
        displayName.setId("user-display-name");
        PasswordField password = new PasswordField("Password");
        password.setId("user-password");
        password.setHelperText("At least " + AccountAdminService.MIN_PASSWORD_LENGTH + " characters");
        CheckboxGroup<Role> roles = roleChoice();
        roles.setValue(EnumSet.of(Role.LABELER));
        FieldMarks marks = new FieldMarks().on("username", username).on("displayName", displayName)
                .on("password", password).on("roles", roles);
        Button save = new Button("Create", e -> {
            marks.clear();
            try {
                accounts.create(username.getValue(), displayName.getValue(), password.getValue(),
                        EnumSet.copyOf(roles.getValue().isEmpty() ? EnumSet.noneOf(Role.class) : roles.getValue()));
                Ui.success("Created " + username.getValue().strip());
                dialog.close();
                refresh();
            } catch (RuntimeException ex) {
                marks.show(ex);
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setId("user-save");
        dialog.add(new VerticalLayout(username, displayName, password, roles));
        dialog.getFooter().add(new Button("Cancel", e -> dialog.close()), save);
        dialog.open();
    }

    private void openRoles(Account account) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("Roles of " + account.getUsername());
        CheckboxGroup<Role> roles = roleChoice();
        roles.setValue(account.getRoles());
        FieldMarks marks = new FieldMarks().on("roles", roles);
        Button save = new Button("Save", e -> {
            marks.clear();
            try {
                accounts.setRoles(account.getId(), EnumSet.copyOf(
                        roles.getValue().isEmpty() ? EnumSet.noneOf(Role.class) : roles.getValue()), me);
                Ui.success("Roles of " + account.getUsername() + " saved");
                dialog.close();
                refresh();
            } catch (RuntimeException ex) {
                marks.show(ex);
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setId("user-roles-save");
        dialog.add(roles);
        dialog.getFooter().add(new Button("Cancel", e -> dialog.close()), save);
        dialog.open();
    }

    private void resetPassword(Account account) {
        String password = accounts.resetPassword(account.getId());
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("New password for " + account.getUsername());
        Span secret = Ui.testId(new Span(password), "new-password");
        secret.addClassName("secret");
        dialog.add(new Paragraph("Give it to them now: it is shown only once."), secret);
        dialog.getFooter().add(new Button("Done", e -> dialog.close()));
        dialog.open();
    }

    private static CheckboxGroup<Role> roleChoice() {
        CheckboxGroup<Role> roles = new CheckboxGroup<>("Roles", Role.HUMAN);
        roles.setItemLabelGenerator(r -> r.name().charAt(0) + r.name().substring(1).toLowerCase());
        roles.setId("user-role-choice");
        return roles;
    }
}
