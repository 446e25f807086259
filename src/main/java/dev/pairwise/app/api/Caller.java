package dev.pairwise.app.api;

import dev.pairwise.app.security.AccountAdminService;
import dev.pairwise.app.security.AccountPrincipal;
import dev.pairwise.labeling.account.Account;
import org.springframework.security.authentication.InsufficientAuthenticationException;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import org.jspecify.annotations.Nullable;

/** Maps the authenticated principal of a request (basic or token) to its account id. */
@Component
class Caller {

    private final AccountAdminService accounts;

    Caller(AccountAdminService accounts) {
        this.accounts = accounts;
    }

    long id(@Nullable Authentication auth) {
        if (auth == null) {
            throw new InsufficientAuthenticationException("not signed in");
        }
        // Basic and token sign-ins carry the id already; no second query per request.
        if (auth.getPrincipal() instanceof AccountPrincipal principal) {
            return principal.accountId();
        }
        return accounts.findByUsername(auth.getName()).map(Account::getId)
                .orElseThrow(() -> new InsufficientAuthenticationException("unknown account " + auth.getName()));
    }
}
