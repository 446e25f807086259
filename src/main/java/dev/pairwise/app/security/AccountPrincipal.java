package dev.pairwise.app.security;

import dev.pairwise.labeling.account.Role;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;

/**
 * The signed-in account as Spring Security holds it: a {@link User} (username, bcrypt hash,
 * enabled flag, roles as {@code ROLE_X}) that also carries the account id, so a request needs
 * no second lookup to know who is calling. Built fresh from the database on every API request.
 */
public final class AccountPrincipal extends User {

    private final long accountId;

    AccountPrincipal(long accountId, String username, String passwordHash, boolean enabled, String roles) {
        // An AI judge's account is never enabled for sign-in, whatever its flag says.
        super(username, passwordHash, enabled && !Arrays.asList(roles.split(",")).contains(Role.AI_JUDGE.name()),
                true, true, true, Arrays.stream(roles.split(","))
                .filter(r -> !r.isBlank())
                .map(r -> new SimpleGrantedAuthority("ROLE_" + Role.valueOf(r.strip()).name()))
                .toList());
        this.accountId = accountId;
    }

    /** The columns {@link #fromRow} reads, of {@code accounts} aliased {@code a}. */
    static final String COLUMNS = "a.id, a.username, a.password_hash, a.enabled, a.roles";

    static AccountPrincipal fromRow(ResultSet rs, int rowNum) throws SQLException {
        return new AccountPrincipal(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getBoolean(4), rs.getString(5));
    }

    /** The id of the account in {@code accounts}. */
    public long accountId() {
        return accountId;
    }
}
