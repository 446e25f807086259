package dev.pairwise.app.security;

import com.vaadin.flow.spring.security.AuthenticationContext;
import dev.pairwise.labeling.account.Account;
import dev.pairwise.labeling.account.Role;
import java.util.Optional;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.stereotype.Component;

/** The signed-in person, for views: their account, roles, and a way to sign out. */
@Component
public class CurrentUser {

    private final AuthenticationContext context;
    private final AccountAdminService accounts;

    CurrentUser(AuthenticationContext context, AccountAdminService accounts) {
        this.context = context;
        this.accounts = accounts;
    }

    /** The username, when someone is signed in. */
    public Optional<String> username() {
        return context.getAuthenticatedUser(UserDetails.class).map(UserDetails::getUsername);
    }

    /** The signed-in account; throws when nobody is (views behind a login never see that). */
    public Account account() {
        return username().flatMap(accounts::findByUsername)
                .orElseThrow(() -> new IllegalStateException("Nobody is signed in"));
    }

    /** True when the signed-in person holds the role. */
    public boolean has(Role role) {
        return context.hasRole(role.name());
    }

    /** Signs out and returns to the login page. */
    public void logout() {
        context.logout();
    }
}
