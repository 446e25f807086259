package dev.pairwise.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pairwise.labeling.account.Account;
import dev.pairwise.labeling.account.AccountRepository;
import dev.pairwise.labeling.account.Role;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Repeated wrong passwords on the login page: the first few get the usual "incorrect" message;
 * then the page says that signing in is paused and for how long, and even the right password
 * waits. Default settings: 5 failures free, then a wait of 1, 2, 4, 8 s, locked at the 10th.
 */
class LoginThrottledIT extends BrowserTestBase {

    private static final String THROTTLED = "Too many failed sign-ins";
    private static final String INCORRECT = "Incorrect username or password";

    @Autowired
    AccountRepository accounts;
    @Autowired
    PasswordEncoder encoder;

    /** One attempt through the form; true when the page says sign-in is paused, false for "incorrect". */
    private boolean signIn(String username, String password) {
        page.navigate(url("/login"));
        page.locator("vaadin-login-form input[name=username]").fill(username);
        page.locator("vaadin-login-form input[name=password]").fill(password);
        page.locator("vaadin-login-form vaadin-button[slot=submit], vaadin-login-form [part=vaadin-login-submit]")
                .first().click();
        page.waitForURL("**/login?error");
        page.getByText(INCORRECT).or(page.getByText(THROTTLED)).first().waitFor();
        return page.getByText(THROTTLED).count() > 0;
    }

    @Test
    void repeated_wrong_passwords_pause_sign_in_with_a_message() {
        String username = "throttled-" + UUID.randomUUID().toString().substring(0, 8);
        accounts.save(new Account(username, "Throttled", encoder.encode("the right one"), Set.of(Role.LABELER),
                Instant.now()));

        for (int i = 1; i <= 5; i++) {
            assertThat(signIn(username, "wrong " + i)).as("attempt %d is answered", i).isFalse();
        }
        // Past the free failures each answered failure starts a doubling wait (1, 2, 4, 8 s), and
        // an attempt during the wait is refused with the message; the 10th answered one locks.
        int answered = 5;
        boolean sawMessage = false;
        for (int attempt = 0; answered < 10 && attempt < 60; attempt++) {
            if (signIn(username, "wrong again")) {
                sawMessage = true;
                assertThat(page.getByText("Try again in")).isVisible();
            } else {
                answered++;
            }
        }
        assertThat(answered).as("answered failures").isEqualTo(10);
        assertThat(sawMessage).as("an attempt during a wait showed the message").isTrue();

        assertThat(signIn(username, "the right one")).as("locked now: even the right password waits").isTrue();
        assertThat(page.getByText("Try again in 15 minutes")).isVisible();
        screenshot("08-login-throttled");
    }
}
