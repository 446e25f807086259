package dev.pairwise.app.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.login.LoginI18n;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import dev.pairwise.app.demo.DemoProperties;
import dev.pairwise.app.security.SignInThrottledException;
import org.springframework.security.web.WebAttributes;

/**
 * Sign in. Spring Security handles the POST to {@code /login}; a failed attempt comes back with
 * {@code ?error}, and a throttled one (too many recent failures) says how long to wait. In demo
 * mode the page lists the demo accounts, and only then.
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
        boolean failed = event.getLocation().getQueryParameters().getParameters().containsKey("error");
        form.setError(failed);
        if (failed) {
            // Spring Security keeps the last sign-in failure in the session for the login page.
            Object last = event.getUI().getSession().getSession().getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
            form.setI18n(last instanceof SignInThrottledException throttled ? throttledText(throttled)
                    : LoginI18n.createDefault());
        }
    }

    /** The form's error box, saying why the password was not even checked and how long to wait. */
    private static LoginI18n throttledText(SignInThrottledException throttled) {
        LoginI18n i18n = LoginI18n.createDefault();
        i18n.getErrorMessage().setTitle("Too many failed sign-ins");
        i18n.getErrorMessage().setMessage("Signing in to this account, or from your network, is paused after "
                + "repeated wrong passwords. Try again in " + throttled.waitText()
                + ". If you forgot your password, ask an admin to reset it.");
        return i18n;
    }
}
