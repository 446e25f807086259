package dev.pairwise.app.connections;

import dev.pairwise.labeling.ConflictException;
import dev.pairwise.labeling.InvalidInputException;
import dev.pairwise.labeling.NotFoundException;
import java.time.Clock;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Stored connections for views and the REST API: list, read, create, change, delete. The
 * transaction boundary; each write is checked whole before anything is stored. API keys go in
 * as plaintext and are stored encrypted ({@link ApiKeyCipher}); nothing here gives one back.
 * Role checks are the callers' (the API's {@code @PreAuthorize}, the view's role test).
 */
@Service
public class ModelConnections {

    /** Longest API key accepted: hosted keys are under 200 characters, a JWT a few thousand. */
    public static final int MAX_API_KEY_CHARS = 4000;

    private final ModelConnectionRepository repository;
    private final ApiKeyCipher cipher;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    ModelConnections(ModelConnectionRepository repository, ApiKeyCipher cipher, Clock clock,
                     ApplicationEventPublisher events) {
        this.repository = repository;
        this.cipher = cipher;
        this.clock = clock;
        this.events = events;
    }

    /** Every connection, by name. */
    @Transactional(readOnly = true)
    public List<ConnectionView> list() {
        return repository.findAllByOrderByNameAsc().stream().map(ModelConnection::view).toList();
    }

    /** @throws NotFoundException for an unknown id */
    @Transactional(readOnly = true)
    public ConnectionView get(long id) {
        return find(id).view();
    }

    /**
     * Stores a new connection.
     *
     * @param apiKey the key, or {@code null}/blank for a server that needs none
     * @throws ConflictException     when the name is taken
     * @throws InvalidInputException for a key that cannot be one (field {@code api_key})
     */
    @Transactional
    public ConnectionView create(ConnectionSettings settings, @Nullable String apiKey, @Nullable String createdBy) {
        if (repository.existsByName(settings.name())) {
            throw taken(settings.name());
        }
        String key = checkedKey(apiKey);
        ModelConnection c = new ModelConnection(settings, key.isEmpty() ? null : cipher.encrypt(key), createdBy,
                clock.instant());
        return repository.saveAndFlush(c).view();
    }

    /**
     * Replaces a connection's settings.
     *
     * @param apiKey {@code null}: keep the stored key; blank: remove it; else the new key
     */
    @Transactional
    public ConnectionView update(long id, ConnectionSettings settings, @Nullable String apiKey) {
        ModelConnection c = find(id);
        if (repository.existsByNameAndIdNot(settings.name(), id)) {
            throw taken(settings.name());
        }
        if (apiKey != null) {
            String key = checkedKey(apiKey);
            c.setApiKeyEncrypted(key.isEmpty() ? null : cipher.encrypt(key));
        }
        c.apply(settings, clock.instant());
        return repository.saveAndFlush(c).view();
    }

    /** @throws NotFoundException for an unknown id */
    @Transactional
    public void delete(long id) {
        repository.delete(find(id));
        events.publishEvent(new Deleted(id));
    }

    /** A connection was deleted: a client built from it should go once the delete commits. */
    record Deleted(long id) {
    }

    /** What the client needs to call the connection: settings and the key's ciphertext. */
    @Transactional(readOnly = true)
    StoredConnection stored(long id) {
        ModelConnection c = find(id);
        return new StoredConnection(c.getId(), c.settings(), c.getApiKeyEncrypted());
    }

    private ModelConnection find(long id) {
        return repository.findById(id).orElseThrow(() -> NotFoundException.of("id", "Connection", id));
    }

    private static ConflictException taken(String name) {
        return new ConflictException("name", "A connection named '" + name + "' already exists");
    }

    /** The key, stripped; it goes into an HTTP header, so no spaces or control characters inside. */
    private static String checkedKey(@Nullable String apiKey) {
        String key = apiKey == null ? "" : apiKey.strip();
        if (key.length() > MAX_API_KEY_CHARS) {
            throw new InvalidInputException("api_key", "api_key is longer than " + MAX_API_KEY_CHARS + " characters");
        }
        if (key.chars().anyMatch(ch -> Character.isWhitespace(ch) || Character.isISOControl(ch) || ch > 0x7e)) {
            throw new InvalidInputException("api_key", "api_key must be printable ASCII without spaces");
        }
        return key;
    }

    /** A stored connection as the client reads it; prints no ciphertext. */
    record StoredConnection(long id, ConnectionSettings settings, @Nullable String apiKeyEncrypted) {
        @Override
        public String toString() {
            return "StoredConnection[id=" + id + ", name=" + settings.name() + "]";
        }
    }
}
