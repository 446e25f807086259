package dev.pairwise.app.connections;

import dev.langchain4j.http.client.HttpClient;
import dev.langchain4j.http.client.HttpClientBuilder;
import java.time.Duration;

/**
 * Hands the library one existing {@link ConnectionHttpClient}, so the blocking and the
 * streaming model of a connection share one connection pool and one timeout. The timeouts the
 * library sets are ignored: the client was built with the connection's.
 */
final class ReusedHttpClient implements HttpClientBuilder {

    private final HttpClient client;
    private final Duration timeout;

    ReusedHttpClient(HttpClient client, Duration timeout) {
        this.client = client;
        this.timeout = timeout;
    }

    @Override
    public Duration connectTimeout() {
        return timeout;
    }

    @Override
    public HttpClientBuilder connectTimeout(Duration ignored) {
        return this;
    }

    @Override
    public Duration readTimeout() {
        return timeout;
    }

    @Override
    public HttpClientBuilder readTimeout(Duration ignored) {
        return this;
    }

    @Override
    public HttpClient build() {
        return client;
    }
}
