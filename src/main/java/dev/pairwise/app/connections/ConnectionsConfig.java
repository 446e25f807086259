package dev.pairwise.app.connections;

import io.micrometer.core.instrument.MeterRegistry;
import javax.crypto.SecretKey;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wiring of model connections: the settings, the API-key cipher (its key is read, or generated,
 * on first use, so an app that never stores a key never writes a key file) and the meters.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ConnectionProperties.class)
class ConnectionsConfig {

    @Bean
    ApiKeyCipher apiKeyCipher(ConnectionProperties properties) {
        // A configured key that is not one fails the start, not the first save.
        SecretKey configured = EncryptionKey.configured(properties.encryptionKey());
        return new ApiKeyCipher(configured != null ? () -> configured : new Memo(properties));
    }

    @Bean
    UsageMeter connectionUsageMeter(MeterRegistry registry) {
        return new UsageMeter(registry);
    }

    /** Reads (or makes) the key file once. */
    private static final class Memo implements java.util.function.Supplier<SecretKey> {
        private final ConnectionProperties properties;
        private volatile SecretKey key;

        Memo(ConnectionProperties properties) {
            this.properties = properties;
        }

        @Override
        public SecretKey get() {
            SecretKey k = key;
            if (k == null) {
                synchronized (this) {
                    if (key == null) {
                        key = EncryptionKey.fromFile(properties.keyFile());
                    }
                    k = key;
                }
            }
            return k;
        }
    }
}
