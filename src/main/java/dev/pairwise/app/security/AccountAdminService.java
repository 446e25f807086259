package dev.pairwise.app.security;

import dev.pairwise.labeling.ConflictException;
import dev.pairwise.labeling.FieldErrors;
import dev.pairwise.labeling.InvalidInputException;
import dev.pairwise.labeling.NotFoundException;
import dev.pairwise.labeling.account.Account;
import dev.pairwise.labeling.account.AccountRepository;
import dev.pairwise.labeling.account.Role;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.jspecify.annotations.Nullable;

/**
 * Account administration: create, disable, change roles, reset passwords. Passwords are hashed
 * with bcrypt here and nowhere else. Every rule violation is an {@link InvalidInputException}
 * whose message names the field (a taken username a {@link ConflictException}, an unknown id a
 * {@link NotFoundException}), and nothing is stored when one is thrown.
 */
@Service
public class AccountAdminService {

    /** 8 characters: NIST SP 800-63B's minimum for passwords people choose. */
    public static final int MIN_PASSWORD_LENGTH = 8;

    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{1,63}");
    // No 0/O, 1/l/I: a generated password is read off a screen or a log and typed by hand.
    private static final String ALPHABET = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final AccountRepository accounts;
    private final PasswordEncoder encoder;
    private final Clock clock;
    private final ApiTokenService tokens;

    AccountAdminService(AccountRepository accounts, PasswordEncoder encoder, ObjectProvider<Clock> clock,
                        ApiTokenService tokens) {
        this.accounts = accounts;
        this.encoder = encoder;
        this.tokens = tokens;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    /** All accounts, by username. */
    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('ADMIN')")
    public List<Account> list() {
        return accounts.findAll().stream().sorted(Comparator.comparing(Account::getUsername)).toList();
    }

    /** The account signed in under this name, if it exists. */
    @Transactional(readOnly = true)
    public Optional<Account> findByUsername(String username) {
        return accounts.findByUsername(username);
    }

    /** One account by id. */
    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('ADMIN')")
    public Account get(long accountId) {
        return load(accountId);
    }

    /** True when no account exists yet (a fresh database). */
    @Transactional(readOnly = true)
    public boolean isEmpty() {
        return accounts.count() == 0;
    }

    /** Creates an account after checking every field; the password must have 8+ characters. */
    @Transactional
    @PreAuthorize("hasRole('ADMIN')")
    public Account create(String username, String displayName, String password, Set<Role> roles) {
        FieldErrors errors = new FieldErrors();
        errors.check(() -> checkPassword(password));
        return insert(username, displayName, password, roles, errors);
    }

    /**
     * Creates the account unless the username exists; for start-up seeding (demo accounts, the
     * first admin), so it skips the password-length rule and the admin check.
     */
    @Transactional
    public Account ensureAccount(String username, String displayName, String password, Set<Role> roles) {
        return accounts.findByUsername(username).orElseGet(() -> insert(username, displayName, password, roles, new FieldErrors()));
    }

    /** Enables or disables an account; an admin cannot disable their own. */
    @Transactional
    @PreAuthorize("hasRole('ADMIN')")
    public Account setEnabled(long accountId, boolean enabled, String actingUsername) {
        return update(accountId, enabled, null, null, actingUsername);
    }

    /** Replaces an account's roles; an admin cannot take the ADMIN role from themselves. */
    @Transactional
    @PreAuthorize("hasRole('ADMIN')")
    public Account setRoles(long accountId, Set<Role> roles, String actingUsername) {
        return update(accountId, null, roles, null, actingUsername);
    }

    /** Changes the display name (1-128 characters). */
    @Transactional
    @PreAuthorize("hasRole('ADMIN')")
    public Account rename(long accountId, String displayName) {
        return update(accountId, null, null, displayName, "");
    }

    /**
     * Applies the given changes together (a null leaves that attribute as it is): all are checked
     * before any is stored. An admin cannot disable their own account nor take the ADMIN role from
     * it. A disabled account stops signing in at its next request (password or token): the
     * security layer reads the enabled flag and the roles on every request.
     */
    @Transactional
    @PreAuthorize("hasRole('ADMIN')")
    public Account update(long accountId, @Nullable Boolean enabled, @Nullable Set<Role> roles,
                          @Nullable String displayName, String actingUsername) {
        Account account = load(accountId);
        if (account.hasRole(Role.AI_JUDGE)) {
            throw new InvalidInputException("accountId", "An AI labeler's account cannot be changed.");
        }
        boolean self = account.getUsername().equals(actingUsername);
        if (Boolean.FALSE.equals(enabled) && self) {
            throw new InvalidInputException("enabled", "Enabled: you cannot disable your own account.");
        }
        if (roles != null) {
            checkRoles(roles);
            if (self && !roles.contains(Role.ADMIN)) {
                throw new InvalidInputException("roles",
                        "Roles: you cannot remove the ADMIN role from your own account.");
            }
        }
        String name = displayName == null ? null : checkDisplayName(displayName);
        if (enabled != null) {
            account.setEnabled(enabled);
        }
        if (roles != null) {
            account.setRoles(roles);
        }
        if (name != null) {
            account.setDisplayName(name);
        }
        Account saved = accounts.save(account);
        if (enabled != null || roles != null) {
            tokens.forgetAccount(accountId); // token requests read the new state, not a remembered one
        }
        return saved;
    }

    /** Sets a new random password and returns it, to be shown once to the admin. */
    @Transactional
    @PreAuthorize("hasRole('ADMIN')")
    public String resetPassword(long accountId) {
        Account account = load(accountId);
        String password = randomPassword();
        account.setPasswordHash(encoder.encode(password));
        accounts.save(account);
        return password;
    }

    /**
     * Changes the signed-in person's own password after checking the current one; any role may.
     * The caller passes the authenticated username, never one taken from user input.
     */
    @Transactional
    @PreAuthorize("isAuthenticated()")
    public void changeOwnPassword(String username, String currentPassword, String newPassword) {
        Account account = accounts.findByUsername(username)
                .orElseThrow(() -> new InvalidInputException("account", "Account: no account " + username + "."));
        if (currentPassword == null || !encoder.matches(currentPassword, account.getPasswordHash())) {
            throw new InvalidInputException("currentPassword", "Current password: it is not right.");
        }
        checkPassword(newPassword);
        account.setPasswordHash(encoder.encode(newPassword));
        accounts.save(account);
    }

    /** A random 16-character password (about 93 bits). */
    public static String randomPassword() {
        StringBuilder out = new StringBuilder(16);
        for (int i = 0; i < 16; i++) {
            out.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return out.toString();
    }

    /** Checks every field (all wrong ones reported together, then a taken name) and stores the account. */
    private Account insert(String username, String displayName, String password, Set<Role> roles,
                           FieldErrors errors) {
        String name = username == null ? "" : username.strip();
        if (!USERNAME.matcher(name).matches()) {
            errors.add("username",
                    "Username: 2-64 characters, lower-case letters, digits, '.', '_' or '-', starting with a letter or digit.");
        }
        if (password == null || password.isEmpty()) {
            errors.add("password", "Password: must not be empty.");
        }
        String display = errors.value(() -> checkDisplayName(displayName));
        errors.check(() -> checkRoles(roles));
        errors.throwIfAny();
        if (accounts.existsByUsername(name)) {
            throw new ConflictException("username", "Username: '" + name + "' is taken.");
        }
        var account = new Account(name, display, encoder.encode(password), roles,
                Instant.now(clock).truncatedTo(ChronoUnit.MICROS));
        return accounts.save(account);
    }

    private Account load(long accountId) {
        return accounts.findById(accountId)
                .orElseThrow(() -> NotFoundException.of("accountId", "Account", accountId));
    }

    private static void checkPassword(String password) {
        if (password == null || password.length() < MIN_PASSWORD_LENGTH) {
            throw new InvalidInputException("password", "Password: at least " + MIN_PASSWORD_LENGTH + " characters.");
        }
        if (password.length() > 72) {
            // bcrypt reads only the first 72 bytes; longer passwords would silently lose strength.
            throw new InvalidInputException("password", "Password: at most 72 characters.");
        }
    }

    private static void checkRoles(Set<Role> roles) {
        if (roles == null || roles.isEmpty()) {
            throw new InvalidInputException("roles", "Roles: choose at least one role.");
        }
        if (!Role.HUMAN.containsAll(roles)) {
            throw new InvalidInputException("roles", "Roles: AI_JUDGE belongs to AI labelers' accounts only.");
        }
    }

    private static String checkDisplayName(String displayName) {
        String name = displayName == null ? "" : displayName.strip();
        if (name.isEmpty() || name.length() > 128) {
            throw new InvalidInputException("displayName", "Display name: 1 to 128 characters.");
        }
        return name;
    }
}
