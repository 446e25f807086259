package dev.pairwise.app.connections;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A stored connection. App configuration rather than labeling data (the labeling domain records
 * only a system's name and settings with each response), so it lives in the app shell. The API
 * key is held only as ciphertext; {@link #toString()} names the row and nothing else.
 */
@Entity
@Table(name = "model_connections")
class ModelConnection {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(nullable = false, length = 100)
    private String name;
    @Column(name = "base_url", nullable = false, length = 500)
    private String baseUrl;
    @Column(nullable = false, length = 200)
    private String model;
    @Column(name = "api_key_encrypted", length = 8000)
    private @Nullable String apiKeyEncrypted;
    @Column(nullable = false)
    private double temperature;
    @Column(name = "top_p", nullable = false)
    private double topP;
    @Column(name = "max_tokens", nullable = false)
    private int maxTokens;
    @Column(name = "max_concurrent", nullable = false)
    private int maxConcurrent;
    @Column(name = "requests_per_minute", nullable = false)
    private int requestsPerMinute;
    @Column(name = "timeout_seconds", nullable = false)
    private int timeoutSeconds;
    @Column(name = "created_by", length = 64)
    private @Nullable String createdBy;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;
    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected ModelConnection() {
    }

    ModelConnection(ConnectionSettings settings, @Nullable String apiKeyEncrypted, @Nullable String createdBy,
                    Instant now) {
        apply(settings, now);
        this.apiKeyEncrypted = apiKeyEncrypted;
        this.createdBy = createdBy;
        this.createdAt = now;
    }

    final void apply(ConnectionSettings s, Instant now) {
        this.name = s.name();
        this.baseUrl = s.baseUrl();
        this.model = s.model();
        this.temperature = s.temperature();
        this.topP = s.topP();
        this.maxTokens = s.maxTokens();
        this.maxConcurrent = s.maxConcurrent();
        this.requestsPerMinute = s.requestsPerMinute();
        this.timeoutSeconds = Math.toIntExact(s.timeout().toSeconds());
        this.updatedAt = now;
    }

    void setApiKeyEncrypted(@Nullable String apiKeyEncrypted) {
        this.apiKeyEncrypted = apiKeyEncrypted;
    }

    Long getId() {
        return id;
    }

    String getName() {
        return name;
    }

    @Nullable String getApiKeyEncrypted() {
        return apiKeyEncrypted;
    }

    ConnectionSettings settings() {
        return new ConnectionSettings(name, baseUrl, model, temperature, topP, maxTokens, maxConcurrent,
                requestsPerMinute, Duration.ofSeconds(timeoutSeconds));
    }

    ConnectionView view() {
        return new ConnectionView(id, settings(), apiKeyEncrypted != null, createdBy, createdAt, updatedAt);
    }

    @Override
    public String toString() {
        return "ModelConnection[id=" + id + ", name=" + name + "]";
    }
}
