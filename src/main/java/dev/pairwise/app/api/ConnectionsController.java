package dev.pairwise.app.api;

import com.fasterxml.jackson.annotation.JsonAlias;
import dev.pairwise.app.connections.ConnectionCheck;
import dev.pairwise.app.connections.ConnectionClient;
import dev.pairwise.app.connections.ConnectionSettings;
import dev.pairwise.app.connections.ConnectionView;
import dev.pairwise.app.connections.ModelConnections;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * Model connections over REST: researchers create, change, delete and test them;
 * admins read them. Field names are the chat-completions protocol's ({@code base_url},
 * {@code top_p}, {@code max_tokens}); the camelCase spellings the rest of this API uses are
 * accepted too. An API key goes in and never comes out: answers say {@code api_key_set}.
 */
@RestController
@RequestMapping("/api/connections")
class ConnectionsController {

    private final ModelConnections connections;
    private final ConnectionClient client;

    ConnectionsController(ModelConnections connections, ConnectionClient client) {
        this.connections = connections;
        this.client = client;
    }

    /** Every connection, by name. */
    @GetMapping
    @PreAuthorize("hasAnyRole('RESEARCHER', 'ADMIN')")
    List<ConnectionJson> list() {
        return connections.list().stream().map(ConnectionJson::of).toList();
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAnyRole('RESEARCHER', 'ADMIN')")
    ConnectionJson get(@PathVariable long id) {
        return ConnectionJson.of(connections.get(id));
    }

    /** 201 with its Location; a missing setting takes its default; a taken name is 409. */
    @PostMapping
    @PreAuthorize("hasRole('RESEARCHER')")
    ResponseEntity<ConnectionJson> create(@RequestBody ConnectionRequest body, Authentication auth) {
        ConnectionView created = connections.create(body.settings(), body.apiKey(), auth.getName());
        return ResponseEntity.created(URI.create("/api/connections/" + created.id())).body(ConnectionJson.of(created));
    }

    /** Replaces the settings (missing ones take their defaults); without {@code api_key} the stored key stays, {@code ""} removes it. */
    @PutMapping("/{id}")
    @PreAuthorize("hasRole('RESEARCHER')")
    ConnectionJson update(@PathVariable long id, @RequestBody ConnectionRequest body) {
        return ConnectionJson.of(connections.update(id, body.settings(), body.apiKey()));
    }

    @DeleteMapping("/{id}")
    @PreAuthorize("hasRole('RESEARCHER')")
    ResponseEntity<Void> delete(@PathVariable long id) {
        connections.delete(id);
        return ResponseEntity.noContent().build();
    }

    /**
     * Sends one tiny chat request, once: 200 with {@code ok} and the reply, or {@code ok: false}
     * and what went wrong (the server's fault is not the API's error); 404 for an unknown id.
     */
    @PostMapping("/{id}/test")
    @PreAuthorize("hasRole('RESEARCHER')")
    CheckJson test(@PathVariable long id) {
        return CheckJson.of(client.test(id));
    }

    /** A connection as sent. Its {@code toString} leaves the key out. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record ConnectionRequest(@Nullable String name, @JsonAlias("baseUrl") @Nullable String baseUrl,
                             @Nullable String model, @JsonAlias("apiKey") @Nullable String apiKey,
                             @Nullable Double temperature, @JsonAlias("topP") @Nullable Double topP,
                             @JsonAlias("maxTokens") @Nullable Integer maxTokens,
                             @JsonAlias("maxConcurrent") @Nullable Integer maxConcurrent,
                             @JsonAlias("requestsPerMinute") @Nullable Integer requestsPerMinute,
                             @JsonAlias("timeoutSeconds") @Nullable Integer timeoutSeconds) {

        ConnectionSettings settings() {
            return ConnectionSettings.of(name, baseUrl, model, temperature, topP, maxTokens, maxConcurrent,
                    requestsPerMinute, timeoutSeconds);
        }

        @Override
        public String toString() {
            return "ConnectionRequest[name=" + name + ", baseUrl=" + baseUrl + ", model=" + model + ", apiKey="
                    + (apiKey == null ? "(keep)" : "***") + "]";
        }
    }

    /** A connection as the API shows it: never the key, only whether one is stored. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record ConnectionJson(long id, String name, String baseUrl, String model, boolean apiKeySet, double temperature,
                          double topP, int maxTokens, int maxConcurrent, int requestsPerMinute, long timeoutSeconds,
                          @Nullable String createdBy, Instant createdAt, Instant updatedAt) {

        static ConnectionJson of(ConnectionView v) {
            ConnectionSettings s = v.settings();
            return new ConnectionJson(v.id(), s.name(), s.baseUrl(), s.model(), v.apiKeySet(), s.temperature(),
                    s.topP(), s.maxTokens(), s.maxConcurrent(), s.requestsPerMinute(), s.timeout().toSeconds(),
                    v.createdBy(), v.createdAt(), v.updatedAt());
        }
    }

    /** The test's answer. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record CheckJson(boolean ok, long latencyMs, @Nullable String reply, @Nullable String model,
                     @Nullable Long promptTokens, @Nullable Long completionTokens, @Nullable String error,
                     @Nullable String errorKind) {

        static CheckJson of(ConnectionCheck c) {
            return new CheckJson(c.ok(), c.latency().toMillis(), c.reply(), c.model(),
                    c.usage() == null ? null : c.usage().promptTokens(),
                    c.usage() == null ? null : c.usage().completionTokens(), c.error(),
                    c.errorKind() == null ? null : c.errorKind().name());
        }
    }
}
