package dev.pairwise.app.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import dev.pairwise.app.demo.DemoProperties;

/**
 * Sign in. Spring Security handles the POST to {@code /login}; a failed attempt comes back with
 * {@code ?error}. In demo mode the page lists the demo accounts, and only then.
 */
@Route("login")
@PageTitle("Sign in · Pairwise")
@AnonymousAllowed
public class LoginView extends VerticalLayout implements BeforeEnterObserver {

    private final LoginForm form = new LoginForm();

    LoginView(DemoProperties demo) {
        addClassName("login-view");
        setSizeFull();
        setAlignItems(Alignment.CENTER);
        setJustifyContentMode(JustifyContentMode.CENTER);

        H1 title = new H1("Pairwise");
        title.addClassName("login-title");
        Paragraph tagline = new Paragraph("Rank model responses. Write better ones. Train on them.");
        tagline.addClassName("login-tagline");

        form.setAction("login");
        form.setForgotPasswordButtonVisible(false);
        Ui.testId(form, "login-form");
        add(title, tagline, form);
        if (demo.enabled()) {
            add(demoAccounts());
        }
    }

    private static Div demoAccounts() {
        Div box = Ui.testId(new Div(), "demo-accounts");
        box.addClassName("demo-accounts");
        box.add(new Span("Demo mode: sign in as"));
        for (String[] account : new String[][] {
                {"labeler", "labeler", "ranks responses"},
                {"admin", "admin", "projects, imports, users, reviews"},
                {"researcher", "researcher", "exports and training"}}) {
            Div row = new Div();
            row.addClassName("demo-account");
            Span credentials = new Span(account[0] + " / " + account[1]);
            credentials.addClassName("demo-credentials");
            row.add(credentials, new Span(" — " + account[2]));
            box.add(row);
        }
        return box;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        form.setError(event.getLocation().getQueryParameters().getParameters().containsKey("error"));
    }
}
