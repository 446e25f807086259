package dev.pairwise.app.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pairwise.labeling.InvalidInputException;
import dev.pairwise.labeling.account.Account;
import dev.pairwise.labeling.account.Role;
import java.util.EnumSet;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.persistence.autoconfigure.EntityScan;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.data.jpa.repository.config.EnableJpaRepositories;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

@SpringBootTest(classes = AccountAdminServiceTest.SecurityTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = {
                "spring.datasource.url=jdbc:h2:mem:security;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
                        + "DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
                "spring.jpa.hibernate.ddl-auto=validate",
                "spring.flyway.locations=classpath:db/migration",
                "spring.main.banner-mode=off"})
class AccountAdminServiceTest {

    @Autowired
    AccountAdminService accounts;
    @Autowired
    ApiTokenService tokens;
    @Autowired
    PasswordEncoder encoder;
    @Autowired
    UserDetailsService users;

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void accounts_store_a_bcrypt_hash_never_the_password() {
        Account a = accounts.create(unique("ann"), "Ann", "correct horse", EnumSet.of(Role.LABELER));
        assertThat(a.getPasswordHash()).startsWith("$2").doesNotContain("correct horse");
        assertThat(encoder.matches("correct horse", a.getPasswordHash())).isTrue();
    }

    @Test
    void user_details_carry_roles_as_role_prefixed_authorities_and_the_enabled_flag() {
        String name = unique("bob");
        Account a = accounts.create(name, "Bob", "password1", EnumSet.of(Role.ADMIN, Role.RESEARCHER));
        UserDetails details = users.loadUserByUsername(name);
        assertThat(details.getAuthorities()).extracting(Object::toString)
                .containsExactlyInAnyOrder("ROLE_ADMIN", "ROLE_RESEARCHER");
        accounts.setEnabled(a.getId(), false, "someone-else");
        assertThat(users.loadUserByUsername(name).isEnabled()).isFalse();
    }

    @Test
    void a_short_password_is_refused_naming_the_field_and_nothing_is_stored() {
        String name = unique("cy");
        assertThatThrownBy(() -> accounts.create(name, "Cy", "short", EnumSet.of(Role.LABELER)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("Password")
                .extracting(e -> ((InvalidInputException) e).field()).isEqualTo("password");
        assertThat(accounts.findByUsername(name)).isEmpty();
    }

    @Test
    void a_taken_or_malformed_username_and_empty_roles_are_refused() {
        String name = unique("dee");
        accounts.create(name, "Dee", "password1", EnumSet.of(Role.LABELER));
        assertThatThrownBy(() -> accounts.create(name, "Dee 2", "password1", EnumSet.of(Role.LABELER)))
                .hasMessageContaining("taken");
        assertThatThrownBy(() -> accounts.create("Has Space", "X", "password1", EnumSet.of(Role.LABELER)))
                .extracting(e -> ((InvalidInputException) e).field()).isEqualTo("username");
        assertThatThrownBy(() -> accounts.create(unique("eve"), "Eve", "password1", EnumSet.noneOf(Role.class)))
                .extracting(e -> ((InvalidInputException) e).field()).isEqualTo("roles");
    }

    @Test
    void every_wrong_field_of_a_new_account_is_reported_at_once() {
        assertThatThrownBy(() -> accounts.create("Has Space", " ", "short", EnumSet.noneOf(Role.class)))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).errors())
                        .containsOnlyKeys("password", "username", "displayName", "roles")
                        .containsEntry("password", "Password: at least 8 characters."))
                .extracting(e -> ((InvalidInputException) e).field()).isEqualTo("password");
        assertThat(accounts.findByUsername("Has Space")).isEmpty();
    }

    @Test
    void an_admin_cannot_disable_themselves_or_drop_their_own_admin_role() {
        String name = unique("root");
        Account me = accounts.create(name, "Root", "password1", EnumSet.of(Role.ADMIN));
        assertThatThrownBy(() -> accounts.setEnabled(me.getId(), false, name))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> accounts.setRoles(me.getId(), EnumSet.of(Role.LABELER), name))
                .isInstanceOf(InvalidInputException.class);
        assertThat(accounts.findByUsername(name).orElseThrow().getRoles()).containsExactly(Role.ADMIN);
    }

    @Test
    void reset_password_returns_a_new_password_that_signs_in() {
        Account a = accounts.create(unique("fay"), "Fay", "password1", EnumSet.of(Role.LABELER));
        String fresh = accounts.resetPassword(a.getId());
        Account reloaded = accounts.findByUsername(a.getUsername()).orElseThrow();
        assertThat(encoder.matches(fresh, reloaded.getPasswordHash())).isTrue();
        assertThat(encoder.matches("password1", reloaded.getPasswordHash())).isFalse();
        assertThat(fresh).hasSize(16);
    }

    @Test
    void changing_ones_own_password_needs_the_current_one() {
        Account a = accounts.create(unique("kim"), "Kim", "password1", EnumSet.of(Role.LABELER));
        assertThatThrownBy(() -> accounts.changeOwnPassword(a.getUsername(), "wrong", "password2"))
                .extracting(e -> ((InvalidInputException) e).field()).isEqualTo("currentPassword");
        accounts.changeOwnPassword(a.getUsername(), "password1", "password2");
        String hash = accounts.findByUsername(a.getUsername()).orElseThrow().getPasswordHash();
        assertThat(encoder.matches("password2", hash)).isTrue();
    }

    @Test
    void ensure_account_leaves_an_existing_account_alone() {
        String name = unique("gus");
        Account first = accounts.ensureAccount(name, "Gus", "gus", EnumSet.of(Role.LABELER));
        Account second = accounts.ensureAccount(name, "Other", "other", EnumSet.of(Role.ADMIN));
        assertThat(second.getId()).isEqualTo(first.getId());
        assertThat(second.getRoles()).containsExactly(Role.LABELER);
    }

    @Test
    void an_api_token_resolves_to_its_account_until_revoked_and_only_its_hash_is_stored() {
        Account a = accounts.create(unique("hal"), "Hal", "password1", EnumSet.of(Role.RESEARCHER));
        String token = tokens.create(a.getId(), "script");
        assertThat(token).startsWith("pw_");
        assertThat(tokens.usernameForToken(token)).contains(a.getUsername());
        assertThat(tokens.usernameForToken(token + "x")).isEmpty();
        assertThat(ApiTokenService.sha256(token)).hasSize(64).isNotEqualTo(token);
        long id = tokens.list(a.getId()).getFirst().id();
        tokens.revoke(a.getId(), id);
        assertThat(tokens.usernameForToken(token)).isEmpty();
    }

    @Test
    void a_disabled_accounts_token_no_longer_signs_in() {
        Account a = accounts.create(unique("ida"), "Ida", "password1", EnumSet.of(Role.RESEARCHER));
        String token = tokens.create(a.getId(), "ci");
        accounts.setEnabled(a.getId(), false, "someone-else");
        assertThat(tokens.usernameForToken(token)).isEmpty();
    }

    @Test
    void a_token_needs_a_name() {
        Account a = accounts.create(unique("jo"), "Jo", "password1", EnumSet.of(Role.RESEARCHER));
        assertThatThrownBy(() -> tokens.create(a.getId(), "  "))
                .extracting(e -> ((InvalidInputException) e).field()).isEqualTo("name");
        assertThat(tokens.list(a.getId())).isEmpty();
    }

    // Nested in the test class, so the full app's component scan in other tests skips it.
    /** Accounts and API tokens over H2 + Flyway, without the web layer (no Vaadin, no filter chains). */
    @SpringBootConfiguration
    @EnableAutoConfiguration(excludeName = {
            "com.vaadin.flow.spring.SpringBootAutoConfiguration",
            "com.vaadin.flow.spring.SpringSecurityAutoConfiguration",
            "com.vaadin.flow.spring.VaadinApplicationConfiguration",
            "com.vaadin.flow.spring.VaadinScopesConfig",
            "com.vaadin.flow.spring.VaadinServletConfiguration"})
    @EntityScan(basePackageClasses = Account.class)
    @EnableJpaRepositories(basePackageClasses = Account.class)
    @Import({AccountAdminService.class, ApiTokenService.class, AccountUserDetailsService.class})
    static class SecurityTestApplication {

        @Bean
        PasswordEncoder passwordEncoder() {
            return new BCryptPasswordEncoder(4); // the lowest cost: tests hash many passwords
        }
    }
}
