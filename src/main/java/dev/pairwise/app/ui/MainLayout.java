package dev.pairwise.app.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.server.auth.AccessAnnotationChecker;
import dev.pairwise.app.security.CurrentUser;
import dev.pairwise.app.ui.jobs.CorporaView;
import dev.pairwise.app.ui.jobs.JobsView;
import dev.pairwise.app.ui.jobs.ModelsView;
import dev.pairwise.labeling.account.Account;
import jakarta.annotation.security.PermitAll;
import java.util.stream.Collectors;

/**
 * The frame around every signed-in view: a header with the signed-in person and a sign-out
 * button, and a side navigation that lists only the views the person's roles may open (checked
 * with the same annotations that guard the routes, so the two cannot disagree).
 */
@PermitAll
public class MainLayout extends AppLayout {

    private final AccessAnnotationChecker access;

    MainLayout(CurrentUser currentUser, AccessAnnotationChecker access) {
        this.access = access;
        setPrimarySection(Section.DRAWER);
        addToNavbar(new DrawerToggle(), header(currentUser));
        Span brand = new Span("Pairwise");
        brand.addClassName("brand");
        addToDrawer(brand, navigation());
    }

    private Component header(CurrentUser currentUser) {
        Account account = currentUser.account();
        Span who = Ui.testId(new Span(account.getDisplayName()), "current-user");
        who.addClassName("current-user");
        Span roles = new Span(account.getRoles().stream().map(r -> r.name().toLowerCase())
                .collect(Collectors.joining(", ")));
        roles.addClassName("current-roles");
        Button logout = new Button("Sign out", VaadinIcon.SIGN_OUT.create(), e -> currentUser.logout());
        logout.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        logout.setId("logout");
        Div spacer = new Div();
        HorizontalLayout bar = new HorizontalLayout(spacer, who, roles, logout);
        bar.addClassName("navbar");
        bar.setFlexGrow(1, spacer);
        bar.setWidthFull();
        bar.setAlignItems(FlexComponent.Alignment.CENTER);
        return bar;
    }

    private SideNav navigation() {
        SideNav nav = new SideNav();
        Ui.testId(nav, "main-nav");
        add(nav, "Projects", HomeView.class, VaadinIcon.HOME);
        add(nav, "Label", LabelView.class, VaadinIcon.SPLIT_H);
        add(nav, "Battle", BattleView.class, VaadinIcon.SCALE);
        add(nav, "Demonstrations", DemonstrationsView.class, VaadinIcon.EDIT);
        add(nav, "Manage projects", ProjectsAdminView.class, VaadinIcon.COG);
        add(nav, "Import", ImportView.class, VaadinIcon.UPLOAD);
        add(nav, "Progress", ProgressView.class, VaadinIcon.CHART);
        add(nav, "Label quality", QualityView.class, VaadinIcon.CHECK_SQUARE_O);
        add(nav, "Review", ReviewView.class, VaadinIcon.GAVEL);
        add(nav, "Users", UsersView.class, VaadinIcon.USERS);
        add(nav, "Export", ExportView.class, VaadinIcon.DOWNLOAD);
        add(nav, "Leaderboard", LeaderboardView.class, VaadinIcon.TROPHY);
        add(nav, "Jobs", JobsView.class, VaadinIcon.COGS);
        add(nav, "Models", ModelsView.class, VaadinIcon.CLUSTER);
        add(nav, "Connections", ConnectionsView.class, VaadinIcon.CONNECT);
        add(nav, "Corpora", CorporaView.class, VaadinIcon.FILE_TEXT);
        add(nav, "My account", AccountView.class, VaadinIcon.USER);
        return nav;
    }

    private void add(SideNav nav, String label, Class<? extends Component> view, VaadinIcon icon) {
        if (access.hasAccess(view)) {
            SideNavItem item = new SideNavItem(label, view, icon.create());
            Ui.testId(item, "nav-" + label.toLowerCase().replace(' ', '-'));
            nav.addItem(item);
        }
    }
}
