package dev.pairwise.app.api;

import dev.pairwise.app.security.AccountAdminService;
import dev.pairwise.app.security.ApiTokenService;
import dev.pairwise.app.security.ApiTokenService.IssuedToken;
import dev.pairwise.app.security.ApiTokenService.TokenInfo;
import dev.pairwise.labeling.NotFoundException;
import dev.pairwise.labeling.account.Account;
import dev.pairwise.labeling.account.Role;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.jspecify.annotations.Nullable;

/**
 * Accounts and their API tokens for machine clients (a crowd platform provisioning its labelers):
 * admins only. A token's secret is in the answer of its creation and nowhere else; only its
 * SHA-256 is stored. Disabling an account or revoking a token takes effect at the next request.
 */
@RestController
@RequestMapping("/api/admin/accounts")
@PreAuthorize("hasRole('ADMIN')")
class AdminAccountsController {

    private final AccountAdminService accounts;
    private final ApiTokenService tokens;

    AdminAccountsController(AccountAdminService accounts, ApiTokenService tokens) {
        this.accounts = accounts;
        this.tokens = tokens;
    }

    /** Every account, by username. */
    @GetMapping
    List<AccountJson> list() {
        return accounts.list().stream().map(AccountJson::of).toList();
    }

    @GetMapping("/{accountId}")
    AccountJson get(@PathVariable long accountId) {
        return AccountJson.of(accounts.get(accountId));
    }

    /**
     * Creates an account: 201 with its Location; 409 when the username is taken. Without a
     * password it gets a random one nobody is told, so it signs in only with the tokens made for it.
     */
    @PostMapping
    ResponseEntity<AccountJson> create(@RequestBody NewAccount body) {
        String username = body.username() == null ? "" : body.username().strip();
        String password = body.password() != null ? body.password() : AccountAdminService.randomPassword();
        Account created = accounts.create(username, body.displayName() == null ? username : body.displayName(),
                password, body.roles() == null ? Set.of() : body.roles());
        return ResponseEntity.created(URI.create("/api/admin/accounts/" + created.getId()))
                .body(AccountJson.of(created));
    }

    /** Changes any of enabled, roles and display name, all or nothing; admins cannot lock themselves out. */
    @PatchMapping("/{accountId}")
    AccountJson update(@PathVariable long accountId, @RequestBody AccountChanges body, Authentication auth) {
        return AccountJson.of(accounts.update(accountId, body.enabled(), body.roles(), body.displayName(),
                auth.getName()));
    }

    /** Makes a token for the account: 201 with the secret, shown this once. */
    @PostMapping("/{accountId}/tokens")
    ResponseEntity<IssuedToken> issueToken(@PathVariable long accountId, @RequestBody NewToken body) {
        accounts.get(accountId);
        IssuedToken token = tokens.issue(accountId, body.name());
        return ResponseEntity.created(URI.create("/api/admin/accounts/" + accountId + "/tokens/" + token.id()))
                .body(token);
    }

    /** The account's tokens, newest first, without their secrets. */
    @GetMapping("/{accountId}/tokens")
    List<TokenInfo> tokens(@PathVariable long accountId) {
        accounts.get(accountId);
        return tokens.list(accountId);
    }

    /** Revokes a token: 204; 404 when the account has no such token. */
    @DeleteMapping("/{accountId}/tokens/{tokenId}")
    ResponseEntity<Void> revoke(@PathVariable long accountId, @PathVariable long tokenId) {
        accounts.get(accountId);
        if (!tokens.revoke(accountId, tokenId)) {
            throw NotFoundException.of("tokenId", "Token", tokenId);
        }
        return ResponseEntity.noContent().build();
    }

    /** An account as the API shows it: never its password hash. */
    record AccountJson(long id, String username, String displayName, List<Role> roles, boolean enabled,
                       Instant createdAt) {

        static AccountJson of(Account a) {
            return new AccountJson(a.getId(), a.getUsername(), a.getDisplayName(),
                    a.getRoles().stream().sorted().toList(), a.isEnabled(), a.getCreatedAt());
        }
    }

    /** A new account as sent; displayName defaults to the username. */
    record NewAccount(@Nullable String username, @Nullable String displayName, @Nullable String password,
                      @Nullable Set<Role> roles) {
    }

    /** The attributes to change; absent ones stay as they are. */
    record AccountChanges(@Nullable Boolean enabled, @Nullable Set<Role> roles, @Nullable String displayName) {
    }

    record NewToken(@Nullable String name) {
    }
}
