package dev.pairwise.app.session;

import dev.pairwise.app.security.AccountAdminService;
import dev.pairwise.app.security.AccountPrincipal;
import dev.pairwise.labeling.account.Account;
import dev.pairwise.labeling.task.AssignmentService;
import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionListener;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.stereotype.Component;

/**
 * Releases a labeler's running leases when their HTTP session is destroyed: sign-out invalidates
 * it, and the servlet container destroys it when it expires ({@code server.servlet.session.timeout}).
 * The container calls this before the session's attributes are unbound, so the signed-in
 * account is still there to read. A Spring bean that is a servlet listener is registered with
 * the embedded container by Spring Boot.
 *
 * <p>The API is stateless (no session), so a machine client's leases run out by the project's
 * lease length instead. A labeler signed in twice (two browsers) loses the lease of the other
 * one too; that page's judgment is still taken while its task has room.
 */
@Component
class LeaseRelease implements HttpSessionListener {

    private static final Logger log = LoggerFactory.getLogger(LeaseRelease.class);

    private final AssignmentService assignments;
    private final AccountAdminService accounts;

    LeaseRelease(AssignmentService assignments, AccountAdminService accounts) {
        this.assignments = assignments;
        this.accounts = accounts;
    }

    @Override
    public void sessionDestroyed(HttpSessionEvent event) {
        Object stored = event.getSession().getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY);
        if (!(stored instanceof SecurityContext context) || context.getAuthentication() == null) {
            return; // never signed in
        }
        Authentication auth = context.getAuthentication();
        try {
            Optional<Long> account = auth.getPrincipal() instanceof AccountPrincipal p
                    ? Optional.of(p.accountId())
                    : accounts.findByUsername(auth.getName()).map(Account::getId);
            account.ifPresent(id -> {
                int released = assignments.releaseLeases(id);
                if (released > 0) {
                    log.info("Session of {} ended: released {} lease(s)", auth.getName(), released);
                }
            });
        } catch (RuntimeException e) {
            // Signing out must not fail on this; the leases still run out on their own.
            log.warn("Session of {} ended, but its leases could not be released: {}", auth.getName(), e.toString());
        }
    }
}
