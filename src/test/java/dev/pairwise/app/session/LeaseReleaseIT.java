package dev.pairwise.app.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pairwise.app.PairwiseApplication;
import dev.pairwise.app.security.AccountAdminService;
import dev.pairwise.labeling.Fixtures;
import dev.pairwise.labeling.account.Role;
import dev.pairwise.labeling.judgment.JudgmentService;
import dev.pairwise.labeling.judgment.SubmitJudgment;
import dev.pairwise.labeling.project.ProjectView;
import dev.pairwise.labeling.task.AssignmentService;
import dev.pairwise.labeling.task.NextTask;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.catalina.Context;
import org.apache.catalina.Session;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationContext;

/**
 * A labeler's leases end with their browser session, over real HTTP on the
 * running app: signing in through the login form, then signing out (POST /logout) or letting the
 * servlet container expire the session, frees the tasks the labeler held for others at once.
 */
@SpringBootTest(classes = PairwiseApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "spring.datasource.url=jdbc:h2:mem:leasereleaseit;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
                        + "DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
                "pairwise.demo.enabled=false"})
class LeaseReleaseIT {

    private static final Pattern CSRF = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"");
    private static final String PASSWORD = "release-me-please";

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext ctx;
    @Autowired
    AccountAdminService accounts;
    @Autowired
    AssignmentService assignment;
    @Autowired
    JudgmentService judgments;

    Fixtures f;
    HttpClient browser;

    @BeforeEach
    void setUp() {
        f = new Fixtures(ctx);
        browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    @Test
    void signing_out_releases_the_labelers_leases() throws Exception {
        Scene s = scene();
        signIn(s.username());
        HttpResponse<String> out = post("/logout", "_csrf=" + enc(csrfToken()));
        assertThat(out.statusCode()).as("logout redirects").isBetween(300, 399);

        assertThat(assignment.next(s.project().id(), s.other())).as("the released task goes to the other labeler")
                .map(NextTask::taskId).contains(s.held().taskId());
    }

    @Test
    void an_expired_session_releases_the_labelers_leases() throws Exception {
        Scene s = scene();
        signIn(s.username());
        Session[] sessions = tomcatContext().getManager().findSessions();
        assertThat(sessions).as("the signed-in session").isNotEmpty();
        for (Session session : sessions) {
            session.expire(); // what the container's expiry sweep does once the timeout passes
        }

        assertThat(assignment.next(s.project().id(), s.other())).map(NextTask::taskId).contains(s.held().taskId());
    }

    @Test
    void a_session_that_ends_without_a_sign_in_releases_nothing() throws Exception {
        Scene s = scene();
        assertThat(get("/login").statusCode()).isEqualTo(200);
        Session[] sessions = tomcatContext().getManager().findSessions();
        assertThat(sessions).as("the anonymous session of the login page").isNotEmpty();
        for (Session session : sessions) {
            session.expire();
        }
        assertThat(assignment.next(s.project().id(), s.other())).as("the lease still holds its task").isEmpty();
    }

    /** A labeler holding one of two tasks, another labeler who judged the other: nothing left for them. */
    private record Scene(ProjectView project, String username, NextTask held, long other) {
    }

    private Scene scene() {
        String username = Fixtures.unique("leaver");
        long leaver = accounts.ensureAccount(username, username, PASSWORD, EnumSet.of(Role.LABELER)).getId();
        long other = f.account(Role.LABELER);
        ProjectView p = f.project(2, 1);
        f.prompts(p.id(), 2, 2);
        NextTask held = assignment.next(p.id(), leaver).orElseThrow();
        NextTask second = assignment.next(p.id(), other).orElseThrow();
        // judged, not skipped: a skipped task would come back to its labeler
        judgments.submit(other, new SubmitJudgment(second.taskId(), UUID.randomUUID().toString(),
                second.presentedOrder(), second.presentedOrder().stream().map(List::of).toList(), Map.of(), Map.of(),
                false, null, null, 10L));
        assertThat(assignment.next(p.id(), other)).as("the held task is not offered").isEmpty();
        return new Scene(p, username, held, other);
    }

    /** Signs in through the form the login page posts, with the page's CSRF token. */
    private void signIn(String username) throws Exception {
        HttpResponse<String> login = post("/login", "username=" + enc(username) + "&password=" + enc(PASSWORD)
                + "&_csrf=" + enc(csrfToken()));
        assertThat(login.statusCode()).as("sign-in redirects").isBetween(300, 399);
        assertThat(login.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).doesNotContain("error"));
    }

    private String csrfToken() throws Exception {
        Matcher m = CSRF.matcher(get("/login").body());
        assertThat(m.find()).as("the page carries a CSRF token").isTrue();
        return m.group(1);
    }

    private Context tomcatContext() {
        TomcatWebServer server = (TomcatWebServer) ((WebServerApplicationContext) ctx).getWebServer();
        return (Context) Arrays.stream(server.getTomcat().getHost().findChildren()).findFirst().orElseThrow();
    }

    private HttpResponse<String> get(String path) throws Exception {
        return browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String form) throws Exception {
        return browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
