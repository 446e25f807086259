package dev.pairwise.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pairwise.labeling.account.Role;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import tools.jackson.databind.JsonNode;

/**
 * Repeated failed sign-ins over HTTP basic are slowed, then refused for a while, with 429 and
 * {@code Retry-After}; per account and per client address; a success clears the account's count;
 * every failure and the lockout are logged, never a password; API tokens are not slowed. Each test
 * connects from its own loopback address (127.0.0.2, .3, …), so their address counts stay apart.
 * Settings of {@link LiveApiTest}: 2 failures free per account (4 per address), then 3 s doubling,
 * and the 4th (8th) failure locks for 10 minutes.
 */
@ExtendWith(OutputCaptureExtension.class)
class LoginThrottleIT extends LiveApiTest {

    private RawHttp.Reply projects(String from, String user, String password) throws Exception {
        return RawHttp.exchange(from, port, head("GET", "/api/projects", user, password), new byte[0]);
    }

    @Test
    void an_account_is_slowed_then_locked_and_the_right_password_waits_too(CapturedOutput log) throws Exception {
        String from = "127.0.0.2";
        String user = account(Role.LABELER);
        String wrong = "wrong-" + UUID.randomUUID();

        assertThat(projects(from, user, wrong).status()).isEqualTo(401);
        assertThat(projects(from, user, wrong).status()).isEqualTo(401);
        assertThat(projects(from, user, wrong).status()).as("the 3rd failure is answered, and starts a wait").isEqualTo(401);

        RawHttp.Reply slowed = projects(from, user, PASSWORD);
        JsonNode problem = problem(slowed, 429);
        long retryAfter = Long.parseLong(slowed.header("Retry-After"));
        assertThat(retryAfter).isBetween(1L, 3L);
        assertThat(problem.get("retryAfterSeconds").asLong()).isEqualTo(retryAfter);
        assertThat(problem.get("detail").asString()).startsWith("Too many failed sign-ins; try again in");

        Thread.sleep(retryAfter * 1000 + 200);
        assertThat(projects(from, user, wrong).status()).as("the 4th failure, after the wait").isEqualTo(401);
        RawHttp.Reply locked = projects(from, user, PASSWORD);
        problem(locked, 429);
        assertThat(Long.parseLong(locked.header("Retry-After"))).as("locked for 10 minutes").isBetween(590L, 600L);
        assertThat(projects("127.0.0.6", user, PASSWORD).status()).as("the account, from anywhere").isEqualTo(429);

        String out = log.getOut();
        assertThat(out).contains("Sign-in failed for account '" + user + "' from 127.0.0.2 (failure 1 of the account")
                .contains("(failure 3 of the account, 3 from the address); next attempt in 3 seconds")
                .contains("Sign-in locked for account '" + user + "' for 10 minutes after 4 failures")
                .doesNotContain(wrong).doesNotContain(PASSWORD);
    }

    @Test
    void a_successful_sign_in_clears_the_count() throws Exception {
        String from = "127.0.0.3";
        String user = account(Role.LABELER);
        List<Integer> statuses = new ArrayList<>();
        for (String password : List.of("x", "y", PASSWORD, "x", "y", PASSWORD)) {
            statuses.add(projects(from, user, password).status());
        }
        // Without the reset, the 4th failure would have been refused (429) after the wait the 3rd started.
        assertThat(statuses).containsExactly(401, 401, 200, 401, 401, 200);
    }

    @Test
    void one_address_trying_many_accounts_is_slowed_but_other_addresses_and_api_tokens_are_not() throws Exception {
        String from = "127.0.0.4";
        for (int i = 0; i < 5; i++) {
            assertThat(projects(from, "nobody-" + UUID.randomUUID(), "guess").status()).isEqualTo(401);
        }
        String labeler = account(Role.LABELER);
        RawHttp.Reply slowed = projects(from, labeler, PASSWORD);
        problem(slowed, 429);
        assertThat(slowed.header("Retry-After")).isNotNull();

        assertThat(projects("127.0.0.5", labeler, PASSWORD).status()).as("another address").isEqualTo(200);
        String token = tokens.create(accounts.findByUsername(labeler).orElseThrow().getId(), "script");
        RawHttp.Reply bearer = RawHttp.exchange(from, port,
                "GET /api/projects HTTP/1.1\r\nAuthorization: Bearer " + token + "\r\n", new byte[0]);
        assertThat(bearer.status()).as("a token is not a password: never throttled").isEqualTo(200);
    }
}
