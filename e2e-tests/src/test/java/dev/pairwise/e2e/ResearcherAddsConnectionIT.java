package dev.pairwise.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pairwise.app.connections.ScriptedOpenAiServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 11 in the browser: a researcher adds a model connection with an API key and tests it
 * against a scripted OpenAI-compatible server on 127.0.0.1, which receives the key; the form
 * never shows it again; an admin sees the connection read-only and a labeler not at all.
 */
class ResearcherAddsConnectionIT extends BrowserTestBase {

    private static final String KEY = "sk-e2e-5eCr3t-0123456789";

    private ScriptedOpenAiServer server;

    @BeforeEach
    void startServer() throws Exception {
        server = new ScriptedOpenAiServer().otherwise(ScriptedOpenAiServer.answer("pong", 11, 1));
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    @Test
    void a_researcher_adds_a_connection_and_tests_it() {
        String name = "scripted-" + java.net.URI.create(server.baseUrl()).getPort();
        login("researcher", "researcher");
        page.getByTestId("nav-connections").click();
        assertThat(page.locator("#connections-grid")).isVisible();

        page.locator("#connection-new").click();
        page.locator("#connection-name input").fill(name);
        page.locator("#connection-model input").fill("scripted-model");
        page.locator("#connection-base-url input").fill("localhost:1");
        page.locator("#connection-api-key input").fill(KEY);
        page.locator("#connection-save").click();
        assertThat(page.locator("#connection-base-url")).containsText("http:// or https://");

        page.locator("#connection-base-url input").fill(server.baseUrl());
        page.locator("#connection-save-test").click();
        assertThat(page.getByTestId("connection-form-test-result")).containsText("OK in", new com.microsoft.playwright
                .assertions.LocatorAssertions.ContainsTextOptions().setTimeout(30_000));
        assertThat(page.getByTestId("connection-form-test-result")).containsText("scripted-model replied: pong");
        screenshot("40-connection-tested");
        assertThat(server.requests()).hasSize(1);
        assertThat(server.requests().getFirst().header("Authorization")).isEqualTo("Bearer " + KEY);
        page.locator("#connection-close").click();

        assertThat(page.locator("#connections-grid")).containsText(name);
        assertThat(page.locator("#connections-grid")).containsText("key set");
        page.getByTestId("connection-edit-" + name).click();
        assertThat(page.locator("#connection-api-key input")).hasValue("");
        assertThat(page.locator("#connection-api-key")).containsText("A key is stored");
        assertThat(page.content()).doesNotContain(KEY);
        page.locator("#connection-save").click();

        page.getByTestId("connection-test-" + name).click();
        assertThat(page.getByTestId("connection-test-result")).containsText(name + ": OK in");
        assertThat(server.requests()).hasSize(2);
        assertThat(server.requests().getLast().header("Authorization")).as("blank on edit kept the key")
                .isEqualTo("Bearer " + KEY);
        screenshot("41-connections");

        openPage(1400, 1000);
        login("admin", "admin");
        page.getByTestId("nav-connections").click();
        assertThat(page.locator("#connections-grid")).containsText(name);
        assertThat(page.locator("#connection-new")).hasCount(0);
        assertThat(page.getByTestId("connection-edit-" + name)).hasCount(0);
        assertThat(page.locator("body")).containsText("Read-only");

        openPage(1400, 1000);
        login("labeler", "labeler");
        assertThat(page.getByTestId("nav-connections")).hasCount(0);
        assertThat(page.navigate(url("/connections")).status()).isEqualTo(403);
    }
}
