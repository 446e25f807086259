package dev.pairwise.app.security;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;

/**
 * Spring Security's view of an account: its bcrypt hash, enabled flag and roles as {@code ROLE_X},
 * as an {@link AccountPrincipal}. Read with one indexed query on every sign-in and every HTTP
 * basic request, so a disabled account or changed roles count at the next request. Made by
 * {@link SignInConfig} for its throttled provider, not a bean of its own.
 */
class AccountUserDetailsService implements UserDetailsService {

    private final JdbcClient jdbc;

    AccountUserDetailsService(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        return jdbc.sql("SELECT " + AccountPrincipal.COLUMNS + " FROM accounts a WHERE a.username = ?")
                .param(username)
                .query(AccountPrincipal::fromRow)
                .optional()
                .orElseThrow(() -> new UsernameNotFoundException("No account " + username));
    }
}
